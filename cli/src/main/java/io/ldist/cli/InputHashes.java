package io.ldist.cli;

import io.ldist.reports.Provenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * SHA-256 of a run's inputs. A file's is that of its bytes. A folder's (a trace folder) is that of a listing of
 * its regular files, recursively, in sorted order of their paths relative to it, one line each:
 * {@code <sha256 of the file>  <relative path with '/'>}, the format of {@code sha256sum}, so that
 * {@code (cd FOLDER && find . -type f | sed 's|^\./||' | LC_ALL=C sort | xargs sha256sum) | sha256sum} gives it.
 */
public final class InputHashes {
    private InputHashes() {
    }

    public static Provenance.Input of(String kind, Path path) {
        return new Provenance.Input(kind, path.toString(), Files.isDirectory(path) ? folder(path) : file(path));
    }

    static String file(Path file) {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " to hash it", e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String folder(Path folder) {
        List<String> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).map(f -> folder.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + " to hash it", e);
        }
        StringBuilder listing = new StringBuilder();
        for (String name : files) {
            listing.append(file(folder.resolve(name))).append("  ").append(name).append('\n');
        }
        return HexFormat.of().formatHex(sha256().digest(listing.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
