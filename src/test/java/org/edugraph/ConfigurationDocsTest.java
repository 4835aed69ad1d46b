package org.edugraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.edugraph.support.Unit;

/**
 * Every setting of {@link EduGraphProperties} has its row in the table of docs/configuration.md, and every
 * {@code edugraph.*} row names a setting that exists. Plain reflection over the records, no Spring.
 */
@Unit
class ConfigurationDocsTest {

    @Test
    void everySettingHasItsRowAndEveryRowASetting() throws IOException {
        Set<String> settings = new TreeSet<>();
        walk("edugraph", EduGraphProperties.class, settings);
        Set<String> documented = documented(Path.of("docs/configuration.md"));
        assertThat(settings).as("settings of EduGraphProperties").hasSizeGreaterThan(40);
        assertThat(documented).as("rows of docs/configuration.md").containsAll(settings);
        assertThat(settings).as("settings the page names").containsAll(documented);
    }

    private static void walk(String prefix, Class<?> type, Set<String> into) {
        for (RecordComponent c : type.getRecordComponents()) {
            String name = prefix + "." + c.getName().replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
            Type generic = c.getGenericType();
            if (c.getType().isRecord() && c.getType().getName().startsWith("org.edugraph.")) {
                walk(name, c.getType(), into);
            } else if (List.class.isAssignableFrom(c.getType()) && generic instanceof ParameterizedType p
                    && p.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()
                    && element.getName().startsWith("org.edugraph.")) {
                walk(name + "[n]", element, into);
            } else {
                into.add(name);
            }
        }
    }

    /** The settings the table's first cells name: `a.b.c` / `.d` stands for a.b.c and a.b.d. */
    private static Set<String> documented(Path page) throws IOException {
        Set<String> names = new TreeSet<>();
        Pattern code = Pattern.compile("`([^`]+)`");
        for (String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
            if (!line.startsWith("| ")) {
                continue;
            }
            String first = line.split("\\|")[1];
            Matcher m = code.matcher(first);
            List<String> cells = new ArrayList<>();
            while (m.find()) {
                cells.add(m.group(1));
            }
            String base = null;
            for (String cell : cells) {
                if (cell.startsWith("edugraph.")) {
                    base = cell;
                    names.add(cell);
                } else if (cell.startsWith(".") && base != null) {
                    names.add(base.substring(0, base.lastIndexOf('.')) + cell);
                }
            }
        }
        return names;
    }
}
