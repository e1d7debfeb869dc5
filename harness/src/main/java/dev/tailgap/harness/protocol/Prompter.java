package dev.tailgap.harness.protocol;

import dev.tailgap.adapters.ChatTurn;
import dev.tailgap.datasets.Bucketing;
import dev.tailgap.datasets.Item;
import dev.tailgap.harness.scoring.PromptTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Renders what is sent for one item under a run's {@link Prompting} and question template: the question (the dataset's, or its relation's
 * template filled with the item's concept), the shots (drawn by {@link ShotSampler} with the run's sampling seed, or
 * fixed), and the prompt text or chat turns as {@link Protocol} describes. Immutable and thread-safe.
 */
public final class Prompter {
    /** What is sent for one item: the last user message, the turns before it, and the ids of the shots shown. */
    public record Prompt(String text, List<ChatTurn> turns, List<String> shotIds) {
        public Prompt {
            turns = List.copyOf(turns);
            shotIds = List.copyOf(shotIds);
        }
    }

    private final Prompting prompting;
    private final PromptTemplate template;
    private final ShotSampler sampler;

    private Prompter(Prompting prompting, PromptTemplate template, ShotSampler sampler) {
        this.prompting = prompting;
        this.template = template;
        this.sampler = sampler;
    }

    /**
     * The prompter for a run over {@code dataset} (every item, loaded only when shots are drawn from it);
     * {@link IllegalArgumentException} when a relation of the dataset has no template or the dataset is too small for
     * the shots.
     */
    public static Prompter of(Prompting prompting, PromptTemplate template, Supplier<List<Item>> dataset,
                              Bucketing bucketing, long seed) {
        boolean drawn = prompting.drawsShots();
        List<Item> items = drawn || !prompting.relationTemplates().isEmpty() ? dataset.get() : List.of();
        if (!prompting.relationTemplates().isEmpty()) {
            Map<String, Integer> missing = new TreeMap<>();
            for (Item item : items) {
                if (item.relation() == null || !prompting.relationTemplates().containsKey(item.relation())
                        || item.concept() == null) {
                    missing.merge(item.relation() == null ? "(no relation)" : item.relation(), 1, Integer::sum);
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("templates " + prompting.templatesSource() + " have no template "
                        + "for " + missing.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + " items)")
                        .reduce((a, b) -> a + ", " + b).orElse("") + "; add them, or drop --templates");
            }
        }
        return new Prompter(prompting, template, drawn ? ShotSampler.of(items, bucketing, prompting.shots(),
                prompting.strategy(), seed) : null);
    }

    /** What is sent for {@code item}. */
    public Prompt prompt(Item item) {
        Prompting p = prompting;
        List<Shot> shots = sampler != null ? sampler.shotsFor(item)
                : p.fixedShots().subList(0, Math.min(p.shots(), p.fixedShots().size()));
        String question = render(item.question(), item.concept(), item.relation());
        List<String> ids = shots.stream().map(Shot::id).toList();
        if (prompting.shotsAsTurns() && !shots.isEmpty()) {
            List<ChatTurn> turns = new ArrayList<>(shots.size());
            for (Shot s : shots) {
                String user = render(s.question(), s.concept(), s.relation());
                turns.add(new ChatTurn(turns.isEmpty() ? lead() + user : user, s.answer()));
            }
            return new Prompt(question, turns, ids);
        }
        StringBuilder b = new StringBuilder(lead());
        for (Shot s : shots) {
            b.append(render(s.question(), s.concept(), s.relation())).append(' ').append(s.answer())
                    .append(p.separator());
        }
        return new Prompt(b.append(question).toString(), List.of(), ids);
    }

    /** The instruction and its separator, or "" without one. */
    private String lead() {
        Prompting p = prompting;
        return p.instruction().isEmpty() ? "" : p.instruction() + p.separator();
    }

    /** The template rendered for one question, the relation's own template making the question when there is one. */
    private String render(String question, String concept, String relation) {
        String t = relation == null || concept == null ? null : prompting.relationTemplates().get(relation);
        String q = t == null ? question : t.replace("{subject}", concept);
        return template.render(q, concept, relation);
    }
}
