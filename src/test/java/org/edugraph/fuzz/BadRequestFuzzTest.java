package org.edugraph.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestSchools;
import org.edugraph.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * At least 2,000 generated bad requests (malformed JSON, wrong types, huge strings, deep
 * and wide queries, bad CSV, bad dates, bad ids), anonymous and as the admin: none gets a
 * 5xx, none shows anything internal (a class or package name, a stack frame, Cypher), and
 * the graph is as it was. The same seed gives the same requests; {@code -Dedugraph.fuzz.seed}
 * picks another.
 */
class BadRequestFuzzTest extends IntegrationTest {

    private static final long SEED = Long.getLong("edugraph.fuzz.seed", 20261130L);
    private static final int PER_KIND = Integer.getInteger("edugraph.fuzz.per-kind", 260);

    /** What must never reach a client. */
    private static final List<Pattern> LEAKS = List.of(
            Pattern.compile("\\b(java|javax|jakarta|org|com|reactor|graphql|tools|sun|io)\\.[a-z]+\\.[a-zA-Z]"),
            Pattern.compile("[A-Z][A-Za-z]+(Exception|Error)\\b(?!\")"),
            Pattern.compile("\\b[A-Z][A-Za-z]*Value\\{"),
            Pattern.compile("\\tat [a-z]"),
            Pattern.compile("\\b(MATCH|UNWIND|MERGE) \\("),
            Pattern.compile("(?i)\\bneo4j\\.(driver|kernel|cypher)"),
            Pattern.compile("(?i)commons\\.csv|CSVFormat|CSVParser"));

    /** An error, of the response or of an import's report. */
    private static final Pattern REFUSED = Pattern.compile("\"errors\":\\[\\{");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Random random = new Random(SEED);

    record Bad(String kind, String method, String path, String contentType, byte[] body, boolean asAdmin) {
    }

    /** The ids the requests name: schools, a group and a pairing of the test's own, never the reports'. */
    private String school;
    private String mentor;
    private String mentee;
    private String kindergarten;
    private String group;
    private String pairing;

    @BeforeEach
    void fixtures() {
        school = testSchools.school("测试模糊第一中学", TestSchools.CANGSHAN).id();
        mentor = testSchools.school("测试模糊进修学校", TestSchools.CANGSHAN).id();
        mentee = testSchools.school("测试模糊第二中学", TestSchools.CANGSHAN).id();
        kindergarten = testSchools.school("测试模糊幼儿园", "KINDERGARTEN", TestSchools.CANGSHAN).id();
        group = testSchools.group("测试模糊教育集团", TestSchools.CANGSHAN).id();
        pairing = as(TestUsers.ADMIN).document("mutation($m: ID!, $e: ID!) { addPairing(input: {mentorId: $m, menteeId: $e,"
                        + " kind: TARGETED_SUPPORT}) { id } }").variable("m", mentor).variable("e", school)
                .execute().path("addPairing.id").entity(String.class).get();
    }

    @AfterEach
    void cleanUp() {
        removeWhatTestsWrote();
    }

    @Test
    void badRequestsGetClassifiedErrorsShowNothingInternalAndChangeNothing() throws Exception {
        String before = snapshot();
        List<Bad> requests = new ArrayList<>();
        Map<String, Supplier<Bad>> kinds = new LinkedHashMap<>();
        kinds.put("malformed JSON", this::malformedJson);
        kinds.put("wrong types", this::wrongTypes);
        kinds.put("huge strings", this::hugeStrings);
        kinds.put("deep and wide", this::deepAndWide);
        kinds.put("bad CSV", this::badCsv);
        kinds.put("bad dates", this::badDates);
        kinds.put("bad ids", this::badIds);
        kinds.put("bad GET and uploads", this::badHttp);
        kinds.forEach((name, make) -> {
            for (int i = 0; i < PER_KIND; i++) {
                requests.add(make.get());
            }
        });
        assertThat(requests).hasSizeGreaterThanOrEqualTo(2000);

        List<String> problems = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        Map<String, Long> millis = new LinkedHashMap<>();
        for (Bad bad : requests) {
            long t0 = System.nanoTime();
            HttpResponse<String> response = send(bad);
            millis.merge(bad.kind(), (System.nanoTime() - t0) / 1_000_000, Long::sum);
            statuses.merge(response.statusCode(), 1, Integer::sum);
            String body = response.body();
            if (response.statusCode() >= 500) {
                problems.add(bad.kind() + ": HTTP " + response.statusCode() + " for " + shown(bad) + " -> " + cut(body));
            }
            for (Pattern leak : LEAKS) {
                var m = leak.matcher(body);
                if (m.find()) {
                    problems.add(bad.kind() + ": shows '" + m.group() + "' for " + shown(bad) + " -> " + cut(body));
                }
            }
            if (response.statusCode() == 200 && !REFUSED.matcher(body).find()) {
                problems.add(bad.kind() + ": accepted without an error: " + shown(bad) + " -> " + cut(body));
            }
        }
        System.out.printf("Fuzz: %d bad requests (seed %d), statuses %s, ms by kind %s%n", requests.size(), SEED, statuses, millis);
        assertThat(problems).as("problems among %d bad requests", requests.size()).isEmpty();
        assertThat(snapshot()).as("the graph after the bad requests").isEqualTo(before);
    }

    // ---- the generators ----

    private Bad malformedJson() {
        String valid = "{\"query\":\"{ school(id: \\\"" + school + "\\\") { name } }\",\"variables\":{}}";
        String body = switch (random.nextInt(8)) {
            case 0 -> valid.substring(0, 1 + random.nextInt(valid.length() - 2)); // cut short
            case 1 -> valid.replace(':', ';');
            case 2 -> "{\"query\": " + randomText(1 + random.nextInt(50)) ;
            case 3 -> new String(randomBytes(1 + random.nextInt(200)), StandardCharsets.ISO_8859_1);
            case 4 -> "[" + valid + "," + valid + "]"; // a batch: not supported
            case 5 -> valid + valid;
            case 6 -> "\"" + randomText(20) + "\"";
            default -> "{\"query\":\"{ regions { code } }\",\"variables\":{" + randomText(10) + "}";
        };
        return new Bad("malformed JSON", "POST", "/graphql", random.nextBoolean() ? "application/json" : "application/json; charset=utf-8",
                body.getBytes(StandardCharsets.UTF_8), random.nextInt(4) == 0);
    }

    private Bad wrongTypes() {
        String[] bodies = {
                "{\"query\": 42}", "{\"query\": null}", "{\"query\": [\"{ regions { code } }\"]}", "{\"query\": {\"a\": 1}}",
                "{\"query\": \"{ regions { code } }\", \"variables\": \"{}\"}",
                "{\"query\": \"{ regions { code } }\", \"variables\": [1, 2]}",
                "{\"query\": \"{ regions { code } }\", \"variables\": 7}",
                "{\"query\": \"{ regions { code } }\", \"operationName\": 5}",
                "{\"query\": \"{ regions { code } }\", \"operationName\": {\"x\": 1}}",
                "{\"query\": \"query A { regions { code } }\", \"operationName\": \"B\"}",
                "{\"query\": \"query($f: Int) { schools(first: $f) { totalCount } }\", \"variables\": {\"f\": \"" + randomText(5) + "\"}}",
                "{\"query\": \"query($f: Int) { schools(first: $f) { totalCount } }\", \"variables\": {\"f\": " + (1L << 40) + "}}",
                "{\"query\": \"query($f: Int) { schools(first: $f) { totalCount } }\", \"variables\": {\"f\": -" + random.nextInt(1000) + "}}",
                "{\"query\": \"{ schools(first: \\\"ten\\\") { totalCount } }\"}",
                "{\"query\": \"{ regions(level: TOWN) { code } }\"}",
                "{\"query\": \"query($l: RegionLevel) { regions(level: $l) { code } }\", \"variables\": {\"l\": " + random.nextInt(9) + "}}",
                "{\"query\": \"mutation($i: AddPairingInput!) { addPairing(input: $i) { id } }\", \"variables\": {\"i\": {\"mentorId\": 1, \"menteeId\": [], \"kind\": \"x\"}}}",
                "{\"query\": \"mutation($i: CreateSchoolInput!) { createSchool(input: $i) { id } }\", \"variables\": {\"i\": \"" + randomText(8) + "\"}}",
                "{\"query\": \"mutation { importPairings(csv: \\\"a\\\", dryRun: \\\"yes\\\") { pairingsCreated } }\"}",
                "{\"query\": \"{ schools(after: " + random.nextInt(100) + ") { totalCount } }\"}",
                "{\"query\": \"{ schools(after: \\\"" + randomText(12) + "\\\") { totalCount } }\"}",
                "{\"query\": \"{ partnershipNetwork(limit: " + (50001 + random.nextInt(1000000)) + ") { truncated } }\"}",
                "{\"query\": \"{ schoolNeighborhood(schoolId: \\\"" + school + "\\\", depth: " + (4 + random.nextInt(100)) + ") { nodes { id } } }\"}",
                "{\"query\": \"subscription { pairingChanges { type } } \", \"variables\": null, \"extensions\": 3}",
        };
        String body = bodies[random.nextInt(bodies.length)];
        return new Bad("wrong types", "POST", "/graphql", "application/json", body.getBytes(StandardCharsets.UTF_8),
                body.contains("mutation") || random.nextBoolean());
    }

    private Bad hugeStrings() {
        int size = switch (random.nextInt(4)) {
            case 0 -> 201 + random.nextInt(2000);
            case 1 -> 10_000 + random.nextInt(50_000);
            case 2 -> 100_001 + random.nextInt(100_000);
            default -> 600_000 + random.nextInt(400_000);
        };
        String huge = random.nextBoolean() ? "盘".repeat(size) : randomText(size);
        Map<String, Object> variables = Map.of("v", huge);
        String query = switch (random.nextInt(7)) {
            case 0 -> "query($v: String!) { searchSchools(text: $v) { name } }";
            case 1 -> "query($v: String!) { schools(filter: {nameContains: $v}) { totalCount } }";
            case 2 -> "query($v: ID!) { school(id: $v) { name } }";
            case 3 -> "mutation($v: String!) { createSchool(input: {name: $v, type: PRIMARY, regionCode: \"350104\"}) { id } }";
            case 4 -> "mutation($v: String!) { updateSchool(id: \"" + school + "\", input: {name: $v}) { id } }";
            case 5 -> "mutation($v: String!) { addPairing(input: {mentorId: \"" + mentor + "\", menteeId: \"" + mentee + "\", kind: OTHER, note: $v}) { id } }";
            default -> "{ regions { code } } # " + "盘".repeat(100_001); // longer than a document may be
        };
        if (query.startsWith("mutation($v: String!) { addPairing") && huge.length() <= 2000) {
            huge = huge + "x".repeat(2001); // a note of at most 2000 characters would be valid
        }
        String body = json(Map.of("query", query, "variables", Map.of("v", huge)));
        return new Bad("huge strings", "POST", "/graphql", "application/json", body.getBytes(StandardCharsets.UTF_8),
                query.startsWith("mutation"));
    }

    private Bad deepAndWide() {
        String query = switch (random.nextInt(6)) {
            case 0 -> { // deep
                int depth = 13 + random.nextInt(60);
                String q = "{ school(id: \"" + school + "\") { " + "region { parent { ".repeat(depth / 2) + "code" + " } }".repeat(depth / 2) + " } }";
                yield q;
            }
            case 1 -> { // many aliases
                StringBuilder q = new StringBuilder("{ ");
                for (int i = 0; i < 51 + random.nextInt(1000); i++) {
                    q.append("a").append(i).append(": school(id: \"" + school + "\") { name } ");
                }
                yield q.append("}").toString();
            }
            case 2 -> { // many root fields without aliases (repeated fields merge) and fragments
                StringBuilder q = new StringBuilder("{ ");
                for (int i = 0; i < 31 + random.nextInt(200); i++) {
                    q.append("r").append(i).append(": regions { code } ");
                }
                yield q.append("}").toString();
            }
            case 3 -> "{ schools(first: 500) { edges { node { pairingsAsMentor(first: 500) { edges { node { mentee { "
                    + "groups { group { members(first: 500) { edges { node { name } } } } } } } } } } } } }";
            case 4 -> { // fragment cycles and spreads
                yield "query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }";
            }
            default -> { // a wide selection of one object, many tokens
                yield "{ regions { " + "code name ".repeat(7600 + random.nextInt(2000)) + "} }"; // over 15,000 tokens
            }
        };
        return new Bad("deep and wide", "POST", "/graphql", "application/json",
                json(Map.of("query", query)).getBytes(StandardCharsets.UTF_8), random.nextBoolean());
    }

    private Bad badCsv() {
        String csv = switch (random.nextInt(9)) {
            case 0 -> "mentorId,menteeId,kind\n\"" + mentor + "," + mentee + ",OTHER\n"; // unclosed quote
            case 1 -> "mentorId,menteeId,kind\n" + mentor + ",\"cs\"x\",OTHER\n"; // quote inside
            case 2 -> randomText(1 + random.nextInt(400));
            case 3 -> "id,name,type,regionCode\n" + "fuzz-" + random.nextInt(1000) + "," + "名".repeat(201) + ",PRIMARY,350104\n";
            case 4 -> "id,name,type,regionCode\nfuzz-x,有\u0000控制字符,PRIMARY,350104\n";
            // (a cell's surrounding spaces and control characters are trimmed, as Excel's users expect: not a bad date)
            case 5 -> "mentorId,menteeId,kind,startDate\n" + mentor + "," + mentee + ",OTHER,"
                    + CSV_DATES[random.nextInt(CSV_DATES.length)] + "\n";
            case 6 -> "mentorId,menteeId,kind\n" + mentor + "," + mentee + ",OTHER,extra,cells,here\n";
            case 7 -> "\uFEFF\uFEFFmentorId,menteeId,kind\n" + mentor + "," + mentee + ",NOPE\n";
            default -> "id,name,type,regionCode,id\nfuzz-dup,重复列,PRIMARY,350104,fuzz-dup2\n";
        };
        boolean schools = csv.startsWith("id,");
        if (random.nextBoolean()) {
            String field = schools ? "importSchools" : "importPairings";
            String report = (schools ? "schoolsCreated" : "pairingsCreated") + " errors { row message }";
            return new Bad("bad CSV", "POST", "/graphql", "application/json",
                    json(Map.of("query", "mutation($c: String!) { " + field + "(csv: $c) { " + report + " } }",
                            "variables", Map.of("c", csv))).getBytes(StandardCharsets.UTF_8), true);
        }
        byte[] bytes = random.nextInt(4) == 0 ? withInvalidUtf8(csv) : csv.getBytes(StandardCharsets.UTF_8);
        return upload(schools ? "/import/schools" : "/import/pairings", bytes, "bad CSV");
    }

    private Bad badDates() {
        String date = badDate();
        String query = switch (random.nextInt(5)) {
            case 0 -> "{ pairings(filter: {activeOn: \"" + date + "\"}) { totalCount } }";
            case 1 -> "mutation { endPairing(id: \"" + pairing + "\", endDate: \"" + date + "\") { id } }";
            case 2 -> "mutation { addPairing(input: {mentorId: \"" + mentor + "\", menteeId: \"" + mentee + "\", kind: OTHER, startDate: \""
                    + date + "\"}) { id } }";
            case 3 -> "{ auditEvents(filter: {from: \"" + date.replace("T00:00:00Z", "T25:00:00Z") + "\"}) { totalCount } }";
            default -> "mutation { addGroupMember(groupId: \"" + group + "\", schoolId: \"" + kindergarten + "\", role: MEMBER, since: \""
                    + date + "\") { role } }";
        };
        return new Bad("bad dates", "POST", "/graphql", "application/json",
                json(Map.of("query", query)).getBytes(StandardCharsets.UTF_8), true);
    }

    private static final String[] CSV_DATES = {"2022-02-30", "2022-13-01", "22-09-01", "2022/09/01", "today",
            "+999999999-12-31", "-0001-01-01", "2022-9-1", "2022-09-01T08:00"};

    private String badDate() {
        String[] dates = {"2022-02-30", "2022-13-01", "22-09-01", "2022/09/01", "", " ", "today", "2022-09-01T00:00:00Z",
                "+999999999-12-31", "-0001-01-01", "2022-9-1", "２０２２-０９-０１", "2022-09-01\u0000", "9999999999"};
        return dates[random.nextInt(dates.length)];
    }

    private Bad badIds() {
        String id = switch (random.nextInt(8)) {
            case 0 -> "' OR 1=1 //";
            case 1 -> school + "\") { name } } mutation { removePairing(id: \"" + pairing + "\") }#";
            case 2 -> "\u0000\u0001\u001f";
            case 3 -> "}) DETACH DELETE n //";
            case 4 -> "x".repeat(5000 + random.nextInt(20000));
            case 5 -> "\uD800"; // a lone surrogate
            case 6 -> "$id";
            default -> randomText(1 + random.nextInt(60));
        };
        String query = switch (random.nextInt(6)) {
            case 0 -> "mutation($id: ID!) { removePairing(id: $id) }";
            case 1 -> "mutation($id: ID!) { endPairing(id: $id, endDate: \"2023-01-01\") { id } }";
            case 2 -> "mutation($id: ID!) { addGroupMember(groupId: $id, schoolId: \"" + kindergarten + "\", role: MEMBER) { role } }";
            case 3 -> "mutation($id: ID!) { addPairing(input: {mentorId: $id, menteeId: \"" + mentee + "\", kind: OTHER}) { id } }";
            case 4 -> "mutation($id: ID!) { updateSchool(id: $id, input: {name: \"改名\"}) { id } }";
            default -> "query($id: ID!) { partnershipPath(fromSchoolId: $id, toSchoolId: \"" + school + "\") { id } }";
        };
        return new Bad("bad ids", "POST", "/graphql", "application/json",
                json(Map.of("query", query, "variables", Map.of("id", id))).getBytes(StandardCharsets.UTF_8), true);
    }

    private Bad badHttp() {
        return switch (random.nextInt(9)) {
            case 0 -> new Bad("bad GET and uploads", "GET", "/graphql?query=" + enc("{ regions { code } " + randomText(5)), null, null, false);
            case 1 -> new Bad("bad GET and uploads", "GET", "/graphql?query=" + enc("mutation { removePairing(id: \"" + pairing + "\") }"),
                    null, null, true);
            case 2 -> new Bad("bad GET and uploads", "GET", "/graphql?variables=" + enc("[1]") + "&query=" + enc("{ regions { code } }"),
                    null, null, false);
            case 3 -> new Bad("bad GET and uploads", "GET", "/export/network.graphml?regionCode=" + enc(randomText(10)) + "&activeOn="
                    + enc(badDate()), null, null, false);
            case 4 -> new Bad("bad GET and uploads", "GET", "/export/pairings.csv?first=" + enc(randomText(4)), null, null, false);
            case 5 -> upload("/import/pairings?dryRun=" + enc(randomText(3)), "mentorId,menteeId,kind\n".getBytes(StandardCharsets.UTF_8),
                    "bad GET and uploads");
            case 6 -> new Bad("bad GET and uploads", "POST", "/import/schools", "multipart/form-data; boundary=nope",
                    ("--nope\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n" + randomText(30)).getBytes(StandardCharsets.UTF_8), true);
            case 7 -> new Bad("bad GET and uploads", "POST", "/graphql", "text/plain",
                    "{\"query\":\"{ regions { code } }\"}".getBytes(StandardCharsets.UTF_8), false);
            default -> new Bad("bad GET and uploads", "PUT", "/graphql", "application/json",
                    "{\"query\":\"{ regions { code } }\"}".getBytes(StandardCharsets.UTF_8), true);
        };
    }

    // ---- helpers ----

    private Bad upload(String path, byte[] csv, String kind) {
        String boundary = "----fuzz" + random.nextInt(1_000_000);
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + csv.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(csv, 0, body, head.length, csv.length);
        System.arraycopy(tail, 0, body, head.length + csv.length, tail.length);
        return new Bad(kind, "POST", path, "multipart/form-data; boundary=" + boundary, body, true);
    }

    private HttpResponse<String> send(Bad bad) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + bad.path()))
                .timeout(Duration.ofSeconds(60));
        if (bad.contentType() != null) {
            request.header("Content-Type", bad.contentType());
        }
        if (bad.asAdmin()) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (TestUsers.QUICK_ADMIN.name() + ":" + TestUsers.QUICK_ADMIN.password()).getBytes(StandardCharsets.UTF_8)));
        }
        request.method(bad.method(), bad.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(bad.body()));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String randomText(int length) {
        String alphabet = "abcXYZ019 {}[]()\"'\\:,;.$#@!%^&*-_=+<>?/|`~\n\t盘屿中学\u00e9\u0301";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] withInvalidUtf8(String csv) {
        byte[] text = csv.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 3];
        System.arraycopy(text, 0, bytes, 0, text.length);
        bytes[text.length] = (byte) 0xC3;
        bytes[text.length + 1] = (byte) 0x28;
        bytes[text.length + 2] = (byte) 0xFF;
        return bytes;
    }

    private static String json(Object value) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(value);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String shown(Bad bad) {
        String body = bad.body() == null ? "" : new String(bad.body(), StandardCharsets.UTF_8);
        return bad.method() + " " + cut(bad.path()) + " " + cut(body);
    }

    private static String cut(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "...(" + text.length() + ")" : text;
    }

    /** Every node and relationship with its properties: what a reader of the graph would see. */
    private String snapshot() {
        var nodes = graph.read("MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS p ORDER BY id", Map.of());
        var edges = graph.read("""
                MATCH (a)-[r]->(b) RETURN elementId(a) AS a, type(r) AS t, properties(r) AS p, elementId(b) AS b
                ORDER BY a, t, b""", Map.of());
        return nodes.size() + " nodes, " + edges.size() + " edges, " + nodes.stream().map(r -> r.asMap().toString()).toList().hashCode()
                + "/" + edges.stream().map(r -> r.asMap().toString()).toList().hashCode();
    }
}
