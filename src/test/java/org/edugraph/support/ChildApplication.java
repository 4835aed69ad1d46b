package org.edugraph.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.edugraph.EduGraphApplication;

/**
 * EduGraph started in a JVM of its own, as {@code java -cp ... EduGraphApplication --args},
 * its output in a file: for what only a separate process shows (kill -9, a capped heap).
 */
public final class ChildApplication implements AutoCloseable {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

    private final Process process;
    private final Path log;

    private ChildApplication(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the application with {@code jvmOptions} and {@code arguments}, its output going to {@code log}. */
    public static ChildApplication start(Path log, List<String> jvmOptions, String... arguments) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), EduGraphApplication.class.getName()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ChildApplication(process, log);
    }

    /** Waits until the application has started and returns its HTTP port; fails with its output if it stopped. */
    public int awaitPort(Duration within) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The child stopped:\n" + output());
            }
            String out = output();
            Matcher m = PORT.matcher(out);
            if (m.find() && out.contains("Started EduGraphApplication")) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The child did not start within " + within + ":\n" + output());
    }

    public Process process() {
        return process;
    }

    /** What the application printed so far. */
    public String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Stops it as kill -9 would: no shutdown hook runs, the store is not closed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
