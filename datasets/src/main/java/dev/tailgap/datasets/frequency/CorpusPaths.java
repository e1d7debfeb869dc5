package dev.tailgap.datasets.frequency;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Expands the corpus arguments of a local count into files: a file is itself, a directory is every file under it
 * (recursively), and an argument with {@code *}, {@code ?}, {@code [} or <code>{</code> is a glob (as in
 * {@link java.nio.file.FileSystem#getPathMatcher}, {@code **} crossing directories) over the files under its
 * longest directory prefix without wildcards. Under directories and globs, files and directories whose names start
 * with {@code .} or {@code _} are left out (as Spark and Hadoop do: {@code _SUCCESS}, {@code .crc}). The result is
 * sorted by path and free of duplicates.
 */
public final class CorpusPaths {

    private CorpusPaths() {
    }

    /** The files of {@code args}; fails with a message naming the argument that matches no file. */
    public static List<CorpusFile> expand(List<String> args) throws IOException {
        TreeSet<String> paths = new TreeSet<>();
        for (String arg : args) {
            List<Path> found = new ArrayList<>();
            if (isGlob(arg)) {
                glob(arg, found);
            } else {
                Path p = Path.of(arg);
                if (Files.isDirectory(p)) {
                    walk(p, p, null, found);
                } else if (Files.isRegularFile(p)) {
                    found.add(p);
                } else {
                    throw new IOException(arg + ": no such file or directory");
                }
            }
            if (found.isEmpty()) {
                throw new IOException(arg + ": matches no corpus file");
            }
            found.forEach(p -> paths.add(p.toString()));
        }
        List<CorpusFile> files = new ArrayList<>();
        for (String p : paths) {
            Path path = Path.of(p);
            files.add(new CorpusFile(p, Files.size(path), Files.getLastModifiedTime(path).toMillis()));
        }
        return files;
    }

    private static boolean isGlob(String arg) {
        return arg.indexOf('*') >= 0 || arg.indexOf('?') >= 0 || arg.indexOf('[') >= 0 || arg.indexOf('{') >= 0;
    }

    private static void glob(String arg, List<Path> found) throws IOException {
        String sep = FileSystems.getDefault().getSeparator();
        int wild = arg.length();
        for (char c : new char[] {'*', '?', '[', '{'}) {
            int i = arg.indexOf(c);
            if (i >= 0) {
                wild = Math.min(wild, i);
            }
        }
        int cut = arg.lastIndexOf(sep, wild);
        Path root = cut < 0 ? Path.of("") : Path.of(cut == 0 ? sep : arg.substring(0, cut));
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + arg);
        if (Files.isDirectory(cut < 0 ? Path.of(".") : root)) {
            walk(cut < 0 ? Path.of(".") : root, root, matcher, found);
        }
    }

    private static void walk(Path dir, Path shownRoot, PathMatcher matcher, List<Path> found) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).filter(p -> visible(dir, p)).forEach(p -> {
                Path shown = dir.equals(shownRoot) ? p : shownRoot.resolve(dir.relativize(p));
                if (matcher == null || matcher.matches(shown)) {
                    found.add(shown);
                }
            });
        }
    }

    private static boolean visible(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            String n = part.toString();
            if (n.startsWith(".") || n.startsWith("_")) {
                return false;
            }
        }
        return true;
    }
}
