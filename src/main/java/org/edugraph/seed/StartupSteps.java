package org.edugraph.seed;

import org.edugraph.neo4j.SchemaMigrations;
import org.edugraph.neo4j.StartupWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The database work of start-up, in this order, each step once:
 * <ol>
 * <li>the schema migrations ({@link SchemaMigrations#migrate}),</li>
 * <li>the gazetteer ({@link GazetteerLoader#loadConfigured}), whose counties and towns the seeds may name,</li>
 * <li>the seed files ({@link SeedLoader#loadConfigured}),</li>
 * <li>with the {@code demo} profile, the demo network over the seeds' counties ({@link DemoNetwork#load}).</li>
 * </ol>
 * The beans themselves do no database work when they are made; this runs once every singleton is
 * made, which is before the web server starts to listen (it starts when the context is refreshed),
 * so the service takes no request before the store is migrated and loaded. A step that fails, or
 * runs out of {@code edugraph.startup.timeout} ({@link StartupWork}), fails start-up with its own
 * message, and the steps after it do not run.
 */
@Component
class StartupSteps implements SmartInitializingSingleton {

    private final SchemaMigrations migrations;
    private final GazetteerLoader gazetteer;
    private final SeedLoader seeds;
    private final ObjectProvider<DemoNetwork> demo;

    StartupSteps(SchemaMigrations migrations, GazetteerLoader gazetteer, SeedLoader seeds, ObjectProvider<DemoNetwork> demo) {
        this.migrations = migrations;
        this.gazetteer = gazetteer;
        this.seeds = seeds;
        this.demo = demo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        migrations.migrate();
        gazetteer.loadConfigured();
        seeds.loadConfigured();
        demo.ifAvailable(DemoNetwork::load);
    }
}
