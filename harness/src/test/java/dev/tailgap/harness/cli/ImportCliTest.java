package dev.tailgap.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailgap.datasets.parquet.ParquetFiles;
import dev.tailgap.harness.DatasetFiles;
import dev.tailgap.harness.sim.SimModel;
import dev.tailgap.harness.sim.SimParams;
import dev.tailgap.harness.sim.SimServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tailgap datasets import}, {@code list}, and {@code run --skip-invalid} as a user meets them. */
class ImportCliTest {

    @TempDir
    Path tmp;

    private static CliTest.Result tailgap(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new CliTest.Result(code, out.toString(), err.toString());
    }

    @Test
    void aParquetFileImportsWithAMappingAndRunsEndToEnd() throws Exception {
        List<ParquetFiles.Row> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            rows.add(new ParquetFiles.Row(i, "What is the capital of place " + i + "?", List.of("City " + i, "C" + i),
                    "place " + i, (long) Math.pow(10, i % 6) * (i + 1), "capital", i / 10.0));
        }
        Path parquet = ParquetFiles.write(tmp.resolve("hub-export.parquet"), rows);
        Path dataset = tmp.resolve("mine.jsonl");
        CliTest.Result imported = tailgap("datasets", "import", "table", parquet.toString(),
                "--map", "question=q,answers=golds,frequency=views,concept=subject,relation=rel,id=qid",
                "--name", "mine", "--out", dataset.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).startsWith("wrote 60 items to " + dataset + " as mine@sha-");

        try (SimServer server = SimServer.start(SimModel.of(DatasetFiles.items(DatasetFiles.load(dataset.toString(),
                false)), SimParams.DEFAULTS), 0, 4)) {
            Path run = tmp.resolve("run");
            CliTest.Result r = tailgap("run", "-m", "openai:" + SimServer.MODEL_ID, "--base-url", server.baseUrl(),
                    "-d", dataset.toString(), "--bucketing", "quantile:3", "--out", run.toString(), "--no-cache",
                    "-q");
            assertThat(r.code()).as(r.err()).isZero();
            JsonNode report = new ObjectMapper().readTree(run.resolve("report.json").toFile());
            assertThat(report.toString()).contains("mine@sha-");
            assertThat(Files.readAllLines(run.resolve("items.jsonl"))).hasSize(60);
        }
    }

    @Test
    void everyMalformedInputGivesOneLinePerProblemExit2AndNoOutput() throws Exception {
        String[][] cases = {
            {"semicolons.csv", "q;a;f\nWho?;x;3\n", "--delimiter=comma"},
            {"nof.csv", "q,a,views\nWho?,x,3\n", null},
            {"num.csv", "q,a,f\nQ1?,x,3\nQ2?,y,many\nQ3?,z,-1\n", null},
            {"open.csv", "q,a,f\nQ1?,x,3\n\"Q2?,y,4\n", null},
            {"bom.csv", "\uFEFFq,a,f\nQ1?,x,bad\n", null},
            {"ends.csv", "q,a,f\r\nQ1?,x,1\nQ2?,y,bad\r\n", null},
            {"empty.csv", "", null},
            {"huge.csv", "q,a,f\n" + "x".repeat(5 * 1024 * 1024) + ",y,2\n", null},
        };
        for (String[] c : cases) {
            Path file = tmp.resolve(c[0]);
            Files.writeString(file, c[1], StandardCharsets.UTF_8);
            Path out = tmp.resolve(c[0] + ".jsonl");
            List<String> args = new ArrayList<>(List.of("datasets", "import", "table", file.toString(), "--map",
                    "question=q,answers=a,frequency=f", "--out", out.toString()));
            if (c[2] != null) {
                args.add(c[2]);
            }
            CliTest.Result r = tailgap(args.toArray(new String[0]));
            assertThat(r.code()).as(c[0]).isEqualTo(2);
            List<String> lines = r.err().strip().lines().toList();
            assertThat(lines.get(0)).as(c[0]).startsWith("tailgap: error: " + file + ": ")
                    .endsWith("; nothing was written");
            assertThat(lines.subList(1, lines.size())).as(c[0]).isNotEmpty()
                    .allSatisfy(l -> assertThat(l).matches("  " + java.util.regex.Pattern.quote(file.toString())
                            + ":\\d+: [^:]+: .+"));
            assertThat(r.err()).as(c[0]).doesNotContain("Exception").doesNotContain("Source:")
                    .doesNotContain("com.fasterxml");
            assertThat(out).as(c[0]).doesNotExist();
        }
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".jsonl")
                    || n.endsWith(".tmp"));
        }
    }

    @Test
    void skipInvalidReportsWhatItSkippedOnTheTerminalAndInTheRunSpec() throws Exception {
        Path file = tmp.resolve("mixed.jsonl");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            sb.append("{\"id\":\"i").append(i).append("\",\"question\":\"Where is place ").append(i)
                    .append("?\",\"answers\":[\"P").append(i).append("\"],\"concept\":\"place ").append(i)
                    .append("\",\"frequency\":").append(i * 10 + 1).append("}\n");
        }
        sb.append("{\"id\":\"bad\",\"frequency\":-1}\n");
        byte[] latin1 = "{\"id\":\"caf\u00e9\",\"question\":\"Q?\",\"answers\":[\"x\"],\"concept\":\"c\",\"frequency\":1}\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, concat(sb.toString().getBytes(StandardCharsets.UTF_8), latin1));
        try (SimServer server = SimServer.start(SimModel.of(DatasetFiles.items(DatasetFiles.load(file.toString(),
                true)), SimParams.DEFAULTS), 0, 4)) {
            Path run = tmp.resolve("run");
            CliTest.Result r = tailgap("run", "-m", "openai:" + SimServer.MODEL_ID, "--base-url", server.baseUrl(),
                    "-d", file.toString(), "--skip-invalid", "--bucketing", "quantile:2", "--out", run.toString(),
                    "--no-cache", "-q");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.err()).contains("tailgap: warning: --skip-invalid skipped 2 invalid dataset lines")
                    .contains("  " + file + ":31: question: missing")
                    .contains("  " + file + ":32: encoding: not valid UTF-8");
            JsonNode skipped = new ObjectMapper().readTree(run.resolve("spec.json").toFile())
                    .path("spec").path("skippedInvalid");
            assertThat(skipped.path("lines").asInt()).isEqualTo(2);
            assertThat(skipped.path("first").get(0).asText()).startsWith(file + ":31: ");
            assertThat(Files.readAllLines(run.resolve("items.jsonl"))).hasSize(30);
        }
    }

    @Test
    void listsImportersFormatsAndDatasets() throws Exception {
        CliTest.Result importers = tailgap("list", "importers");
        assertThat(importers.code()).isZero();
        assertThat(importers.out()).contains("table ").contains("popqa ");
        assertThat(tailgap("list", "tables").out()).contains("parquet").contains("csv").contains("jsonl");
        Path dir = Files.createDirectories(tmp.resolve("sets"));
        Path csv = tmp.resolve("mine.csv");
        Files.writeString(csv, "question,answer,views\nWho wrote Hamlet?,Shakespeare,900\nWho is Zed?,Zed,2\n");
        assertThat(tailgap("datasets", "import", "table", csv.toString(), "--map",
                "question=question,answers=answer,frequency=views", "--out", dir.resolve("mine.jsonl").toString())
                .code()).isZero();
        Files.writeString(dir.resolve("broken.jsonl"), "not json\n");
        CliTest.Result listed = tailgap("list", "datasets", dir.toString());
        assertThat(listed.code()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("world-cities").contains(dir.resolve("mine.jsonl") + " mine@sha-")
                .contains("2 items").contains(dir.resolve("broken.jsonl") + " does not load: ");
        assertThat(tailgap("datasets", "list", dir.toString()).out()).isEqualTo(listed.out());
        assertThat(tailgap("list", "nothing").code()).isEqualTo(2);
    }

    @Test
    void buildsFromFactsAndImportsEntityQuestionsFromTheCommandLine() throws Exception {
        Path facts = tmp.resolve("facts.csv");
        Files.writeString(facts, "subject,relation,object,aliases,popularity\n"
                + "Hamlet,author,William Shakespeare,Shakespeare|the Bard,4500000\n"
                + "Dune,author,Frank Herbert,,90000\n");
        Path built = tmp.resolve("built.jsonl");
        CliTest.Result b = tailgap("datasets", "build", "--facts", facts.toString(), "--templates", "popqa",
                "--list-sep", "|", "--out", built.toString());
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(b.out()).startsWith("wrote 2 questions from 2 facts to " + built + " as facts@sha-");
        assertThat(Files.readString(built)).contains("\"question\":\"Who is the author of Hamlet?\"")
                .contains("[\"William Shakespeare\",\"Shakespeare\",\"the Bard\"]");

        Path p17 = tmp.resolve("P17.test.json");
        Files.writeString(p17, "[{\"question\": \"Which country is Malitel located in?\", \"answers\": [\"Mali\"]},"
                + " {\"question\": \"Which country is Mount Stromlo located in?\", \"answers\": [\"Australia\"]}]");
        Path eq = tmp.resolve("eq.jsonl");
        CliTest.Result e = tailgap("datasets", "import", "entity-questions", p17.toString(), "--out", eq.toString());
        assertThat(e.code()).as(e.err()).isZero();
        CliTest.Result info = tailgap("datasets", "info", eq.toString());
        assertThat(info.out()).contains("tailgap frequency count");

        CliTest.Result wrongOption = tailgap("datasets", "import", "popqa", p17.toString(), "--map", "question=q",
                "--out", tmp.resolve("x.jsonl").toString());
        assertThat(wrongOption.code()).isEqualTo(2);
        assertThat(wrongOption.err()).contains("import popqa does not take --map");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
