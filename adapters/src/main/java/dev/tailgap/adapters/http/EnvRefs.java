package dev.tailgap.adapters.http;

import dev.tailgap.adapters.AdapterConfigException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${NAME}} references to environment variables in option values (header values, URLs). The option keeps the
 * reference, so the run spec never holds the value; the adapter resolves it once, when it is created.
 */
final class EnvRefs {
    private static final Pattern REF = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private EnvRefs() {
    }

    /** Whether {@code template} references at least one variable. */
    static boolean hasRefs(String template) {
        return REF.matcher(template).find();
    }

    /** The names of the variables {@code template} references, in order. */
    static List<String> names(String template) {
        List<String> names = new ArrayList<>();
        Matcher m = REF.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * {@code template} with every reference replaced by the variable's value, each value also added to
     * {@code resolved} (so it can be scrubbed from messages). {@code where} names the option in the error.
     */
    static String resolve(String template, Function<String, String> env, String where, Collection<String> resolved)
            throws AdapterConfigException {
        Matcher m = REF.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = env.apply(m.group(1));
            if (value == null || value.isEmpty()) {
                throw new AdapterConfigException(where + " references ${" + m.group(1) + "}, but environment variable "
                        + m.group(1) + " is not set");
            }
            resolved.add(value);
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
