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
 * {@code totalCount} of every connection: counted only when selected, and for all the
 * connections of one level of a request in one statement.
 */
@Controller
class ConnectionController {

    static final String COUNTS = "connectionCounts";

    ConnectionController(BatchLoaderRegistry registry, BatchedLists lists) {
        registry.<ListRequest, Integer>forName(COUNTS).registerMappedBatchLoader((keys, env) ->
                Mono.fromCallable(() -> lists.counts(new ArrayList<>(keys))));
    }

    @SchemaMapping(typeName = "SchoolConnection", field = "totalCount")
    CompletableFuture<Integer> schoolCount(Connection<?> connection, DataLoader<ListRequest, Integer> connectionCounts) {
        return connectionCounts.load(connection.countKey());
    }

    @SchemaMapping(typeName = "PairingConnection", field = "totalCount")
    CompletableFuture<Integer> pairingCount(Connection<?> connection, DataLoader<ListRequest, Integer> connectionCounts) {
        return connectionCounts.load(connection.countKey());
    }

    @SchemaMapping(typeName = "EducationGroupConnection", field = "totalCount")
    CompletableFuture<Integer> groupCount(Connection<?> connection, DataLoader<ListRequest, Integer> connectionCounts) {
        return connectionCounts.load(connection.countKey());
    }

    @SchemaMapping(typeName = "AuditEventConnection", field = "totalCount")
    CompletableFuture<Integer> auditCount(Connection<?> connection, DataLoader<ListRequest, Integer> connectionCounts) {
        return connectionCounts.load(connection.countKey());
    }
}
