package org.edugraph.read;

import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The contract's root reads, each answered by one compiled statement ({@link Reads}):
 * what they select, at any depth, comes with them.
 */
@Controller
class ReadController {

    private final Reads reads;

    ReadController(Reads reads) {
        this.reads = reads;
    }

    @QueryMapping
    Object school(DataFetchingEnvironment env) {
        return reads.answer(Field.root(env));
    }

    @QueryMapping
    Object schools(DataFetchingEnvironment env) {
        return reads.answer(Field.root(env));
    }

    @QueryMapping
    Object searchSchools(DataFetchingEnvironment env) {
        return reads.answer(Field.root(env));
    }

    @QueryMapping
    Object region(DataFetchingEnvironment env) {
        return reads.answer(Field.root(env));
    }

    @QueryMapping
    Object regions(DataFetchingEnvironment env) {
        return reads.answer(Field.root(env));
    }

    @QueryMapping
    Object educationGroup(DataFetchingEnvironment env) {
        return reads.answer(Field.root(env));
    }

    @QueryMapping
    Object educationGroups(DataFetchingEnvironment env) {
        return reads.answer(Field.root(env));
    }

    @QueryMapping
    Object program(DataFetchingEnvironment env) {
        return reads.answer(Field.root(env));
    }

    @QueryMapping
    Object programs(DataFetchingEnvironment env) {
        return reads.answer(Field.root(env));
    }

    @QueryMapping
    Object pairing(DataFetchingEnvironment env) {
        return reads.answer(Field.root(env));
    }

    @QueryMapping
    Object pairings(DataFetchingEnvironment env) {
        return reads.answer(Field.root(env));
    }
}
