package io.ldist.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The git commit of the ldist that is running: asked of git in the folder ldist's classes were loaded from (the
 * jar in {@code cli/target}, or the classes of a build), since the ldist script rebuilds the jar whenever the
 * sources change, so the checkout's HEAD is what was built. "-dirty" is appended when tracked files had
 * changes, and it is "unknown" when ldist does not run from a git checkout or git is missing.
 */
final class SourceCommit {
    static final String UNKNOWN = "unknown";
    private static final long GIT_TIMEOUT_S = 10;

    private SourceCommit() {
    }

    static String describe() {
        Optional<Path> folder = codeFolder();
        if (folder.isEmpty()) {
            return UNKNOWN;
        }
        Optional<String> head = git(folder.get(), "rev-parse", "HEAD").map(String::strip);
        if (head.isEmpty() || !head.get().matches("[0-9a-f]{40}")) {
            return UNKNOWN;
        }
        boolean dirty = git(folder.get(), "status", "--porcelain", "--untracked-files=no")
                .map(changes -> !changes.isBlank()).orElse(false);
        return head.get() + (dirty ? "-dirty" : "");
    }

    private static Optional<Path> codeFolder() {
        try {
            Path code = Path.of(SourceCommit.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path folder = Files.isDirectory(code) ? code : code.getParent();
            return Optional.ofNullable(folder);
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> git(Path folder, String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", folder.toString()));
        command.addAll(List.of(arguments));
        try {
            Process git = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            git.getOutputStream().close();
            String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!git.waitFor(GIT_TIMEOUT_S, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return Optional.empty();
            }
            return git.exitValue() == 0 ? Optional.of(output) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
