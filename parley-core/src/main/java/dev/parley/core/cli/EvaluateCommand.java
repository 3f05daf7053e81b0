package dev.parley.core.cli;

import dev.parley.core.evaluation.Evaluation;
import dev.parley.core.evaluation.Evaluator;
import dev.parley.core.evaluation.ShopMessage;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** {@code parley evaluate}: the evaluations of every shop in a message log (evaluation.md, "The evaluate command"). */
final class EvaluateCommand {
    private static final ObjectMapper MAPPER = JsonMapper.builder(
                    JsonFactory.builder().rootValueSeparator((String) null).build())
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private EvaluateCommand() {}

    /** Runs the command with the arguments after {@code evaluate}; returns the exit status. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        EvaluateOptions options;
        try {
            options = EvaluateOptions.parse(args);
        } catch (UsageError e) {
            err.println("parley evaluate: " + e.getMessage());
            err.println(EvaluateOptions.USAGE + " (see parley evaluate --help)");
            return ParleyCommands.BAD_INPUT;
        }
        if (options.help()) {
            out.print(EvaluateOptions.HELP);
            out.flush();
            return ParleyCommands.OK;
        }
        SortedMap<String, List<ShopMessage>> shops;
        String file = options.file();
        try (InputStream input = file == null ? unclosable(in) : Files.newInputStream(Path.of(file))) {
            shops = new MessageLogReader(MAPPER).read(input);
        } catch (BadInput e) {
            err.println(e.report());
            return ParleyCommands.BAD_INPUT;
        } catch (NoSuchFileException e) {
            err.println("parley evaluate: no such file \"" + file + "\"");
            return ParleyCommands.BAD_INPUT;
        } catch (AccessDeniedException e) {
            err.println("parley evaluate: cannot read \"" + file + "\": permission denied");
            return ParleyCommands.BAD_INPUT;
        } catch (IOException | java.nio.file.InvalidPathException e) {
            err.println("parley evaluate: cannot read " + (file == null ? "standard input" : "\"" + file + "\"") + ": "
                    + e.getMessage());
            return ParleyCommands.BAD_INPUT;
        }
        try {
            write(shops, options, out);
            return ParleyCommands.OK;
        } catch (RuntimeException e) {
            err.println("parley evaluate: internal failure: " + e);
            return ParleyCommands.INTERNAL_FAILURE;
        }
    }

    private static void write(SortedMap<String, List<ShopMessage>> shops, EvaluateOptions options, OutputStream out) {
        Evaluator evaluator = Evaluator.of(options.zone(), options.settings());
        Evaluator.Detail detail = options.explain() ? Evaluator.Detail.EXPLANATION : Evaluator.Detail.FIGURES;
        BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        try (JsonGenerator generator = MAPPER.createGenerator(buffered)) {
            EvaluationWriter writer = new EvaluationWriter(generator, options.explain());
            Iterator<Map.Entry<String, List<ShopMessage>>> it = shops.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, List<ShopMessage>> shop = it.next();
                for (Evaluation e : evaluator.evaluate(shop.getValue(), options.asOf(), detail)) {
                    writer.write(shop.getKey(), e);
                }
                it.remove();
            }
            generator.flush();
        }
        try {
            buffered.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static InputStream unclosable(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {}
        };
    }
}
