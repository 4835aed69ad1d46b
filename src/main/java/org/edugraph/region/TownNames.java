package org.edugraph.region;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a town is named in a school's record: by its full name as the division list writes it
 * (陈埭镇, 东城街道, 长哨营满族乡) or by the short name people write (陈埭 in 陈埭、池店小学): the full
 * name without the kind of unit it is (街道办事处, 街道, 办事处, 地区, 镇, 乡, 苏木, with the ethnic
 * group of an ethnic township: 满族乡). A short name of one character (张 of 张镇) is no name.
 */
public final class TownNames {

    /** The 55 minority nationalities, as ethnic townships name them (满族乡, 苗族侗族乡). */
    private static final String ETHNIC = String.join("|", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满",
            "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇",
            "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克",
            "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺");

    private static final Pattern ETHNIC_TOWNSHIP = Pattern.compile("^(.+?)((?:(?:" + ETHNIC + ")族)+)(乡|镇|苏木)$");
    private static final Pattern KIND = Pattern.compile("^(.+?)(街道办事处|街道|办事处|地区|苏木|镇|乡)$");

    private TownNames() {
    }

    /**
     * What a town is looked up by: its short name, or its full name when it has none. A record's town
     * (陈埭 or 陈埭镇) has the same key as the town it names.
     */
    public static String key(String name) {
        String shortName = shortName(name);
        return shortName != null ? shortName : name;
    }

    /** The short name of a town's full name, or null when it has none (a farm, a two-character 张镇). */
    public static String shortName(String name) {
        if (name == null) {
            return null;
        }
        Matcher m = ETHNIC_TOWNSHIP.matcher(name);
        if (!m.matches()) {
            m = KIND.matcher(name);
            if (!m.matches()) {
                return null;
            }
        }
        String stem = m.group(1);
        return stem.codePointCount(0, stem.length()) >= 2 ? stem : null;
    }
}
