package dev.tailgap.harness.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailgap.datasets.BucketScheme;
import dev.tailgap.datasets.Bucketing;
import dev.tailgap.datasets.Item;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Shots drawn per item: never the item, by strategy, the same for the same seed, and the registry's rules. */
class ShotSamplerTest {
    private static final String[] RELATIONS = {"author", "country", "genre", "occupation"};

    private static List<Item> items(int perRelation) {
        List<Item> out = new ArrayList<>();
        for (String r : RELATIONS) {
            for (int i = 0; i < perRelation; i++) {
                out.add(new Item(r + i, "Q " + r + " " + i + "?", List.of("A" + i), "c" + i,
                        Math.pow(10, 1 + (i % 5)), r, null));
            }
        }
        return out;
    }

    private static Bucketing quantiles(List<Item> items) {
        return BucketScheme.parse("quantile:3").apply(items.stream().mapToDouble(Item::frequency).toArray());
    }

    @Test
    void stratifiedTakesOneOfEachOtherRelationPerRoundNeverTheItem() {
        List<Item> items = items(10);
        ShotSampler s = ShotSampler.of(items, quantiles(items), 6, ShotStrategy.STRATIFIED_RELATION, 3);
        for (Item item : items) {
            List<Shot> shots = s.shotsFor(item);
            assertThat(shots).hasSize(6).extracting(Shot::id).doesNotHaveDuplicates().doesNotContain(item.id());
            assertThat(shots).extracting(Shot::relation).doesNotContain(item.relation());
            // two rounds over the three other relations: each twice
            assertThat(shots.subList(0, 3)).extracting(Shot::relation).doesNotHaveDuplicates();
            assertThat(shots.subList(3, 6)).extracting(Shot::relation).doesNotHaveDuplicates();
            assertThat(s.shotsFor(item)).isEqualTo(shots);
        }
        ShotSampler other = ShotSampler.of(items, quantiles(items), 6, ShotStrategy.STRATIFIED_RELATION, 4);
        assertThat(items.stream().filter(i -> !other.shotsFor(i).equals(s.shotsFor(i))).count()).isPositive();
    }

    @Test
    void headTakesHeadItemsOnlyAndRandomAnyOther() {
        List<Item> items = items(10);
        Bucketing b = quantiles(items);
        ShotSampler head = ShotSampler.of(items, b, 4, ShotStrategy.HEAD, 1);
        ShotSampler random = ShotSampler.of(items, b, 4, ShotStrategy.RANDOM, 1);
        Set<String> seen = new HashSet<>();
        for (Item item : items) {
            for (Shot shot : head.shotsFor(item)) {
                Item source = items.stream().filter(i -> i.id().equals(shot.id())).findFirst().orElseThrow();
                assertThat(b.assign(source.frequency())).isZero();
                assertThat(shot.id()).isNotEqualTo(item.id());
            }
            List<Shot> r = random.shotsFor(item);
            assertThat(r).hasSize(4).extracting(Shot::id).doesNotHaveDuplicates().doesNotContain(item.id());
            r.forEach(x -> seen.add(x.relation()));
        }
        assertThat(seen).containsExactlyInAnyOrder(RELATIONS);
    }

    @Test
    void itemsSharingTheQuestionAreNeverShotsOfEachOther() {
        List<Item> items = List.of(new Item("a", "Same?", List.of("x"), "c", 5, "r", null),
                new Item("b", "Same?", List.of("y"), "c", 5, "r", null),
                new Item("c", "Other?", List.of("z"), "c", 5, "r", null));
        ShotSampler s = ShotSampler.of(items, quantiles(items), 1, ShotStrategy.STRATIFIED_RELATION, 1);
        assertThat(s.shotsFor(items.get(0))).extracting(Shot::id).containsExactly("c");
        ShotSampler two = ShotSampler.of(items, quantiles(items), 2, ShotStrategy.RANDOM, 1);
        assertThatThrownBy(() -> two.shotsFor(items.get(0))).hasMessage("item a: only 1 of 2 shots found (the "
                + "other items share its question)");
    }

    @Test
    void aPoolTooSmallIsRefusedUpFront() {
        List<Item> items = items(2);
        assertThatThrownBy(() -> ShotSampler.of(items, quantiles(items), 8, ShotStrategy.RANDOM, 1))
                .hasMessage("8 shots per item need at least 9 items, the dataset has 8");
    }

    @Test
    void theRegistryKnowsTheThreeProtocolsAndRefusesTwoUnderOneName() {
        assertThat(Protocols.all()).extracting(Protocol::name).containsExactly("head-to-tail", "popqa", "zero-shot");
        assertThatThrownBy(() -> Protocols.named("helm")).hasMessage("no protocol 'helm'; known: head-to-tail, "
                + "popqa, zero-shot");
        ProtocolProvider again = () -> PopQaProtocol.PROTOCOL;
        assertThatThrownBy(() -> Protocols.byName(List.of(new PopQaProtocol(), again)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("two protocols named 'popqa': dev.tailgap.harness.protocol.PopQaProtocol and "
                        + "dev.tailgap.harness.protocol.ShotSamplerTest");
    }

    @Test
    void zeroShotIsTodaysPromptAndParameters() {
        Protocol z = Protocols.named("zero-shot");
        assertThat(z.template()).isEqualTo(dev.tailgap.harness.scoring.PromptTemplate.defaults());
        assertThat(z.instruction()).isEmpty();
        assertThat(z.shots()).isZero();
        assertThat(z.stop()).isEqualTo(dev.tailgap.adapters.GenerationParams.DEFAULTS.stop());
        assertThat(z.maxTokens()).isEqualTo(dev.tailgap.adapters.GenerationParams.DEFAULTS.maxTokens());
        assertThat(Prompting.of(z)).isEqualTo(Prompting.DEFAULTS);
        assertThat(Extraction.FIRST_LINE.apply("\nParis")).isEmpty();
        assertThat(Extraction.FIRST_LINE.apply("Paris\r\nx")).isEqualTo("Paris");
        assertThat(Extraction.ANSWER_LINE.apply("\nParis")).isEqualTo("\nParis");
    }
}
