package org.edugraph.api;

import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;
import org.edugraph.api.BatchedLists.ListRequest;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * {@code totalCount} of the audit's connection: counted only when selected. (Every other
 * connection is part of a compiled read: read/ReadCompiler.)
 */
@Controller
class ConnectionController {

    static final String COUNTS = "connectionCounts";

    ConnectionController(BatchLoaderRegistry registry, BatchedLists lists) {
        registry.<ListRequest, Integer>forName(COUNTS).registerMappedBatchLoader((keys, env) ->
                Mono.fromCallable(() -> lists.counts(new ArrayList<>(keys))));
    }

    @SchemaMapping(typeName = "AuditEventConnection", field = "totalCount")
    CompletableFuture<Integer> auditCount(Connection<?> connection, DataLoader<ListRequest, Integer> connectionCounts) {
        return connectionCounts.load(connection.countKey());
    }
}
