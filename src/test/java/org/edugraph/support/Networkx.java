package org.edugraph.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * networkx, the Python library analysts check graphs with, run as a separate process on
 * files: the independent computation the network measures are held to. It uses Debian's
 * {@code python3-networkx} under {@code /usr/bin/python3} (or {@code -Dedugraph.test.python=path}).
 * Without it the tests that need it are skipped, saying how to install it, unless
 * {@code -Dedugraph.test.require-networkx=true} (CI) makes that a failure.
 */
public final class Networkx {

    private static final String INSTALL = "apt-get install -y python3-networkx";

    private Networkx() {
    }

    private static String python() {
        return System.getProperty("edugraph.test.python", "/usr/bin/python3");
    }

    /** Why networkx cannot run here, or null when it can. */
    static String missing() {
        try {
            Process p = new ProcessBuilder(python(), "-c", "import networkx").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return null;
            }
            return python() + " cannot import networkx: " + out.strip();
        } catch (IOException | InterruptedException e) {
            return "no " + python() + ": " + e.getMessage();
        }
    }

    /** Put on a test class that needs networkx: skipped without it, failed without it under require-networkx. */
    public static final class Required implements ExecutionCondition {
        private static volatile String missing;
        private static volatile boolean checked;

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (!checked) {
                missing = missing();
                checked = true;
            }
            if (missing == null) {
                return ConditionEvaluationResult.enabled("networkx under " + python());
            }
            String message = "These tests check the network measures against networkx, and " + missing
                    + ". Install it with `" + INSTALL + "`, or give a Python that has it with -Dedugraph.test.python=/path.";
            if (Boolean.getBoolean("edugraph.test.require-networkx")) {
                throw new IllegalStateException(message);
            }
            return ConditionEvaluationResult.disabled(message);
        }
    }

    /** Runs a script of {@code src/test/resources/networkx/} with these arguments and reads the JSON it prints. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> run(String script, String... arguments) {
        try {
            Path file = Files.createTempFile("edugraph-", "-" + script);
            try (InputStream in = Networkx.class.getResourceAsStream("/networkx/" + script)) {
                if (in == null) {
                    throw new IllegalStateException("No test resource /networkx/" + script);
                }
                Files.write(file, in.readAllBytes());
            }
            List<String> command = new ArrayList<>(List.of(python(), file.toString()));
            command.addAll(List.of(arguments));
            Path err = Files.createTempFile("edugraph-networkx", ".err");
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("networkx script " + script + " failed: " + Files.readString(err));
            }
            Files.deleteIfExists(file);
            Files.deleteIfExists(err);
            return JsonMapper.builder().build().readValue(out, Map.class);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
