package org.edugraph.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The first tier of tests: rules checked without the database, the application or a
 * browser, in seconds (`./mvnw test -Dgroups=unit`). The integration tests, which share one
 * application per configuration, the browser tests and the benchmarks are the other tiers.
 * Tagged for JUnit's engine and for jqwik's, whose properties carry tags of their own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@org.junit.jupiter.api.Tag("unit")
@net.jqwik.api.Tag("unit")
public @interface Unit {
}
