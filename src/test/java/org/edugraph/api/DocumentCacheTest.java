package org.edugraph.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.AbortExecutionException;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;
import org.edugraph.support.Unit;

/** Documents parsed and validated once per text, within a bound, and never what a limit refused. */
@Unit
class DocumentCacheTest {

    private final AtomicInteger parsed = new AtomicInteger();
    private final Function<ExecutionInput, PreparsedDocumentEntry> parse = input -> {
        parsed.incrementAndGet();
        return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
    };

    private static ExecutionInput input(String query) {
        return ExecutionInput.newExecutionInput(query).build();
    }

    @Test
    void aDocumentSentAgainIsNotParsedAgain() throws Exception {
        DocumentCache cache = new DocumentCache(1_000_000);
        var first = cache.getDocumentAsync(input("{ regions { code } }"), parse).get();
        var second = cache.getDocumentAsync(input("{ regions { code } }"), parse).get();
        assertThat(second).isSameAs(first);
        cache.getDocumentAsync(input("{ regions { name } }"), parse).get();
        assertThat(parsed).hasValue(2);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void theCacheKeepsNoMoreTextThanItsBoundAndNoDocumentOverATenthOfIt() throws Exception {
        DocumentCache cache = new DocumentCache(1_000);
        String large = "{ regions { code } }" + " ".repeat(200);
        cache.getDocumentAsync(input(large), parse).get();
        cache.getDocumentAsync(input(large), parse).get();
        assertThat(parsed).as("parsed each time").hasValue(2);
        for (int i = 0; i < 200; i++) {
            cache.getDocumentAsync(input("{ r" + i + ": regions { code } }"), parse).get();
        }
        assertThat(cache.size()).isLessThan(200);
    }

    @Test
    void aDocumentALimitRefusedIsNotKept() throws Exception {
        DocumentCache cache = new DocumentCache(1_000_000);
        Function<ExecutionInput, PreparsedDocumentEntry> refuse = input -> {
            parsed.incrementAndGet();
            throw new AbortExecutionException("too many fields");
        };
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> cache.getDocumentAsync(input("{ regions { code code } }"), refuse))
                    .isInstanceOf(AbortExecutionException.class);
        }
        assertThat(parsed).hasValue(2);
        assertThat(cache.size()).isZero();
    }
}
