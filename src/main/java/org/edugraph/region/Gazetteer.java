package org.edugraph.region;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The gazetteer file (seeds/gazetteer/divisions-2023.tsv, written by convert.mjs beside it):
 * every province, prefecture and county of the division list with its code, name, level and
 * parent, the towns below the counties, and the codes of the year before that the list no
 * longer has. {@link #read} checks it whole before anything is loaded: the checksum its header
 * gives for its rows, the columns, each code's form for its level, every parent and successor,
 * codes used once and the counts of the header; a file that fails any of it is refused with the
 * line and the reason, so that nothing of a damaged file reaches the graph.
 *
 * @param name      how the file is named in messages (seeds/gazetteer/divisions-2023.tsv)
 * @param checksum  SHA-256 of the whole file, what the graph records of the file it loaded
 * @param year      the year of the list (2023)
 * @param title     the list's own title (2023年统计用区划代码和城乡划分代码)
 * @param issuer    who issues the list (国家统计局)
 * @param published when the list was published
 * @param source    where the file's data was taken from (the npm package and its version)
 * @param regions   provinces, prefectures and counties, parents before children
 * @param towns     the towns (乡镇/街道 ...), each with its county (or city without counties)
 * @param formers   codes of the previous list that this one no longer has
 */
public record Gazetteer(String name, String checksum, int year, String title, String issuer, java.time.LocalDate published,
        String source, List<Division> regions,
        List<Division> towns, List<Division> formers) {

    /** The columns of the file, in order. */
    static final String COLUMNS = "code\tlevel\tname\tparent\tofficial\tsuccessor\tnote";

    /**
     * One row. {@code official} is false for a functional zone that GB/T 2260 does not list;
     * {@code successor} and {@code note} are a former code's only.
     */
    public record Division(String code, String level, String name, String parent, boolean official, String successor,
            String note) {
    }

    private static final Map<String, Pattern> CODES = Map.of(
            "PROVINCE", Pattern.compile("\\d{2}0000"),
            "PREFECTURE", Pattern.compile("\\d{4}00"),
            "COUNTY", Pattern.compile("\\d{6}"),
            "TOWN", Pattern.compile("\\d{9}"),
            "FORMER", Pattern.compile("\\d{6}"));

    /** The levels a parent of each level may have. */
    private static final Map<String, List<String>> PARENTS = Map.of(
            "PROVINCE", List.of(),
            "PREFECTURE", List.of("PROVINCE"),
            "COUNTY", List.of("PREFECTURE"),
            // 东莞市, 中山市, 儋州市 have no counties: their towns belong to the city.
            "TOWN", List.of("COUNTY", "PREFECTURE"),
            "FORMER", List.of("PREFECTURE", "PROVINCE"));

    /** Reads and checks a whole file; a {@link GazetteerException} names the line and what is wrong. */
    public static Gazetteer read(String name, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new GazetteerException(name, 0, "not UTF-8 text");
        }
        String[] lines = text.split("\n", -1);
        Map<String, String> header = new HashMap<>();
        int first = 0;
        while (first < lines.length && lines[first].startsWith("#")) {
            String[] cells = lines[first].substring(1).strip().split("\t", 2);
            header.put(cells[0], cells.length > 1 ? cells[1] : "");
            first++;
        }
        for (String key : List.of("list", "title", "issuer", "published", "source", "counts", "sha256")) {
            if (!header.containsKey(key)) {
                throw new GazetteerException(name, first, "the header has no `# " + key + "` line");
            }
        }
        // The checksum covers every line after the header, the column line included.
        int bodyStart = 0;
        for (int i = 0; i < first; i++) {
            bodyStart += lines[i].getBytes(StandardCharsets.UTF_8).length + 1;
        }
        String rowsSha = sha256(java.util.Arrays.copyOfRange(bytes, Math.min(bodyStart, bytes.length), bytes.length));
        if (!rowsSha.equals(header.get("sha256").strip())) {
            throw new GazetteerException(name, 0, ("fails its checksum: its header says the rows hash to %s, they hash to %s;"
                    + " the file was edited or cut short").formatted(header.get("sha256").strip(), rowsSha));
        }
        if (first >= lines.length || !lines[first].equals(COLUMNS)) {
            throw new GazetteerException(name, first + 1, "the column line must be `" + COLUMNS.replace("\t", "<TAB>") + "`");
        }
        int year;
        java.time.LocalDate published;
        try {
            year = Integer.parseInt(header.get("list").strip());
            published = java.time.LocalDate.parse(header.get("published").strip());
        } catch (RuntimeException e) {
            throw new GazetteerException(name, 0, "`# list` must be the year of the list and `# published` a date (YYYY-MM-DD)");
        }

        Map<String, Division> byCode = new LinkedHashMap<>();
        List<Division> regions = new ArrayList<>();
        List<Division> towns = new ArrayList<>();
        List<Division> formers = new ArrayList<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (int i = first + 1; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i];
            if (line.isEmpty() && i == lines.length - 1) {
                break; // the newline that ends the last row
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != 7) {
                throw new GazetteerException(name, number, "has %d columns, not 7".formatted(cells.length));
            }
            String code = cells[0];
            String level = cells[1];
            Pattern form = CODES.get(level);
            if (form == null) {
                throw new GazetteerException(name, number, "level `%s` is not one of PROVINCE, PREFECTURE, COUNTY, TOWN, FORMER"
                        .formatted(level));
            }
            if (!form.matcher(code).matches()) {
                throw new GazetteerException(name, number, "code `%s` is not the form of a %s code".formatted(code, level));
            }
            if (cells[2].isBlank() || cells[2].codePoints().anyMatch(Character::isISOControl)) {
                throw new GazetteerException(name, number, "the name must be text");
            }
            boolean region = level.equals("PROVINCE") || level.equals("PREFECTURE") || level.equals("COUNTY");
            if (region && !cells[4].equals("0") && !cells[4].equals("1")) {
                throw new GazetteerException(name, number, "official must be 1 or 0 for a region");
            }
            if (!level.equals("FORMER") && !(cells[5].isEmpty() && cells[6].isEmpty())) {
                throw new GazetteerException(name, number, "only a FORMER code has a successor or a note");
            }
            Division d = new Division(code, level, cells[2], cells[3].isEmpty() ? null : cells[3], !cells[4].equals("0"),
                    cells[5].isEmpty() ? null : cells[5], cells[6].isEmpty() ? null : cells[6]);
            if (byCode.putIfAbsent(code, d) != null) {
                throw new GazetteerException(name, number, "code %s is also on line %d".formatted(code, lineOf.get(code)));
            }
            lineOf.put(code, number);
            (region ? regions : level.equals("TOWN") ? towns : formers).add(d);
        }
        for (Division d : byCode.values()) {
            List<String> allowed = PARENTS.get(d.level());
            Division parent = d.parent() == null ? null : byCode.get(d.parent());
            if (allowed.isEmpty() ? d.parent() != null : parent == null || !allowed.contains(parent.level())) {
                throw new GazetteerException(name, lineOf.get(d.code()), allowed.isEmpty() ? "a province has no parent"
                        : "the parent of a %s must be a %s of the file, got `%s`".formatted(d.level(),
                                String.join(" or ", allowed), d.parent() == null ? "" : d.parent()));
            }
            if (d.successor() != null) {
                Division successor = byCode.get(d.successor());
                if (successor == null || !(successor.level().equals("COUNTY") || successor.level().equals("PREFECTURE"))) {
                    throw new GazetteerException(name, lineOf.get(d.code()),
                            "successor %s is not a county or prefecture of the file".formatted(d.successor()));
                }
            }
        }
        String counts = "PROVINCE=%d\tPREFECTURE=%d\tCOUNTY=%d\tTOWN=%d\tFORMER=%d".formatted(
                count(regions, "PROVINCE"), count(regions, "PREFECTURE"), count(regions, "COUNTY"), towns.size(), formers.size());
        if (!counts.equals(header.get("counts").strip())) {
            throw new GazetteerException(name, 0, "the header counts `%s`, the rows are `%s`"
                    .formatted(header.get("counts").strip(), counts).replace("\t", " "));
        }
        // Parents before children, so that each level is written after the one above it.
        List<String> order = List.of("PROVINCE", "PREFECTURE", "COUNTY");
        regions.sort(java.util.Comparator.comparing((Division d) -> order.indexOf(d.level())).thenComparing(Division::code));
        return new Gazetteer(name, sha256(bytes), year, header.get("title").strip(), header.get("issuer").strip(), published,
                header.get("source").strip(), List.copyOf(regions), List.copyOf(towns), List.copyOf(formers));
    }

    private static long count(List<Division> regions, String level) {
        return regions.stream().filter(d -> d.level().equals(level)).count();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The id of the Source that stands for this list: {@code gazetteer-2023}. */
    public String sourceId() {
        return sourceId(year);
    }

    public static String sourceId(int year) {
        return "gazetteer-" + year;
    }
}
