package org.edugraph.school;

import java.util.List;
import java.util.regex.Pattern;

import org.edugraph.imports.ImportErrors;

/** The rules a school's fields obey, the same for createSchool, updateSchool and the import; no database needed. */
public final class SchoolRules {

    /**
     * A school id a client chooses (the import's): no ':' so that it cannot be taken for
     * the {@code group:<id>} and {@code program:<id>} node ids of a drawn network.
     */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    static final int MAX_NAME = 200;
    static final int MAX_ALIASES = 50;
    static final int MAX_ALIAS = 200;
    static final String BLANK_ALIAS = "aliases must not be blank";

    private SchoolRules() {
    }

    /**
     * A text searched for in names and aliases ({@code searchSchools(text)}, {@code nameContains}),
     * stripped: not blank, and no longer than a name or alias may be, since a longer one can
     * match nothing; a text of hundreds of kilobytes would otherwise hold a transaction while
     * every name is compared with it.
     */
    public static String searchText(String argument, String text) {
        if (text == null || text.isBlank()) {
            throw org.edugraph.api.ApiException.badRequest("`%s` must not be blank".formatted(argument));
        }
        String stripped = text.strip();
        if (stripped.length() > Math.max(MAX_NAME, MAX_ALIAS)) {
            throw org.edugraph.api.ApiException.badRequest("`%s` is %,d characters long; a name or alias has at most %d"
                    .formatted(argument, stripped.length(), Math.max(MAX_NAME, MAX_ALIAS)));
        }
        return stripped;
    }

    /**
     * The text as a Lucene query whose every character is literal: special characters are
     * escaped, and lower case keeps AND, OR and NOT from being read as operators (the
     * analyzer lower-cases the index anyway).
     */
    public static String luceneQuery(String text) {
        StringBuilder query = new StringBuilder();
        for (char c : text.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if ("+-&|!(){}[]^\"~*?:\\/".indexOf(c) >= 0) {
                query.append('\\');
            }
            query.append(c);
        }
        return query.toString();
    }

    static void checkId(String id, List<String> problems) {
        if (id == null || id.isBlank()) {
            problems.add("id is required");
        } else if (!ID.matcher(id).matches()) {
            problems.add("id '%s' must be 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit"
                    .formatted(ImportErrors.cut(id)));
        }
    }

    static void checkName(String name, List<String> problems, boolean required) {
        if (name == null ? required : name.isBlank()) {
            problems.add("name must not be blank");
        } else if (name != null && name.length() > MAX_NAME) {
            problems.add("name is longer than " + MAX_NAME + " characters");
        } else if (name != null && notText(name) != null) {
            problems.add("name must be text; it has " + notText(name));
        }
    }

    /** The aliases' problems, each kind said once, for the first alias that has it. */
    static void checkAliases(List<String> aliases, List<String> problems) {
        if (aliases == null) {
            return;
        }
        if (aliases.size() > MAX_ALIASES) {
            problems.add("aliases are at most %d, got %d".formatted(MAX_ALIASES, aliases.size()));
        }
        if (aliases.stream().anyMatch(a -> a == null || a.isBlank())) {
            problems.add(BLANK_ALIAS);
        }
        for (int i = 0; i < aliases.size(); i++) {
            if (aliases.get(i) != null && aliases.get(i).length() > MAX_ALIAS) {
                problems.add("aliases must each be at most %d characters; alias %d has %d"
                        .formatted(MAX_ALIAS, i + 1, aliases.get(i).length()));
                break;
            }
        }
        for (int i = 0; i < aliases.size(); i++) {
            String bad = aliases.get(i) == null ? null : notText(aliases.get(i));
            if (bad != null) {
                problems.add("aliases must be text; alias %d has %s".formatted(i + 1, bad));
                break;
            }
        }
    }

    /** A town as a record names it: a name or 9-digit code of the gazetteer, text no longer than a name. */
    static void checkTown(String town, List<String> problems) {
        if (town == null) {
            return;
        }
        if (town.isBlank()) {
            problems.add("town must not be blank");
        } else if (town.length() > MAX_NAME) {
            problems.add("town is longer than " + MAX_NAME + " characters");
        } else if (notText(town) != null) {
            problems.add("town must be text; it has " + notText(town));
        }
    }

    static void checkNationalCode(String code, List<String> problems) {
        if (code != null && !code.matches("\\d{10}")) {
            problems.add("nationalCode must be the 10 digits of the Ministry's school code, got " + ImportErrors.cut(code));
        }
    }

    /**
     * The first thing in {@code s} that is no text, described, or null: a control character
     * (U+0000-U+001F, U+007F-U+009F: line breaks and tabs included, which a name in a list,
     * a CSV export or a drawn network would carry along) or half of a surrogate pair.
     */
    static String notText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x1F || c >= 0x7F && c <= 0x9F) {
                return "a control character (U+%04X at character %d)".formatted((int) c, i + 1);
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "half of a surrogate pair (U+%04X at character %d)".formatted((int) c, i + 1);
            }
        }
        return null;
    }
}
