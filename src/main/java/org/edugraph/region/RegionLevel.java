package org.edugraph.region;

/** Levels of the administrative hierarchy the reports speak of. */
public enum RegionLevel {
    PROVINCE, PREFECTURE, COUNTY
}
