package org.edugraph.group;

/** COMMUNITY 教育发展共同体, GROUP 教育集团, ALLIANCE 联盟, CONSORTIUM 联合体. */
public enum GroupKind {
    COMMUNITY, GROUP, ALLIANCE, CONSORTIUM
}
