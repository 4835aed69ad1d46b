package org.edugraph.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The example operations of {@code graphql/examples/*.gql}, read once from the classpath:
 * reads first (a newcomer's first tab should answer without signing in), then mutations,
 * each group by file name.
 */
@Component
class ExampleOperations {

    /** One example: its file name, and the operation as the file has it. */
    record Example(String file, String query) {
    }

    // The first keyword of the document, after its comments: query, mutation or subscription.
    private static final Pattern MUTATION = Pattern.compile("\\A(?:\\s*#[^\\n]*\\n)*\\s*mutation\\b");

    private final List<Example> examples;

    ExampleOperations() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:graphql/examples/*.gql");
            List<Example> read = new ArrayList<>();
            for (Resource file : files) {
                read.add(new Example(file.getFilename(), file.getContentAsString(StandardCharsets.UTF_8)));
            }
            read.sort(Comparator.comparing((Example e) -> MUTATION.matcher(e.query()).find()).thenComparing(Example::file));
            this.examples = List.copyOf(read);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the example operations in graphql/examples", e);
        }
    }

    List<Example> all() {
        return examples;
    }
}
