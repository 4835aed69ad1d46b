package org.edugraph.pairing;

/**
 * SPECIAL_DELIVERY_CLASSROOM 5G+专递课堂, DEEP_ALLIANCE 深度联盟结对帮扶,
 * TARGETED_SUPPORT 定向帮扶, ONE_TO_ONE 一对一结对互助.
 */
public enum PairingKind {
    SPECIAL_DELIVERY_CLASSROOM, DEEP_ALLIANCE, TARGETED_SUPPORT, ONE_TO_ONE, OTHER
}
