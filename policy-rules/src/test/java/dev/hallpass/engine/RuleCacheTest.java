package dev.hallpass.engine;

import dev.hallpass.*;
import dev.hallpass.facts.*;

import dev.hallpass.facts.Channel;
import dev.hallpass.facts.Outcome;
import dev.hallpass.facts.Role;
import static dev.hallpass.fixtures.Messages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallpass.corpus.Corpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compiled-rules cache: a warm cache decides as a fresh compile does, and a bad one is never trusted. */
final class RuleCacheTest {
    private static final String EXTRA_RULE = """
            package dev.hallpass.rules;

            import dev.hallpass.facts.Message;
            import dev.hallpass.facts.ClauseMatch;

            rule "4.4 nothing on the 30th of February"
                @clause("4.4")
            when
                Message( localDate.dayOfMonth == 30, localDate.monthValue == 2 )
            then
                insert(ClauseMatch.block("4.4"));
            end
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void each_build_starts_without_the_in_process_shared_rule_bases() {
        RuleSet.forgetShared();
    }

    private PolicyEngine cached() {
        RuleSet.forgetShared();
        return PolicyEngine.builder().compiledRulesCache(dir).build();
    }

    private List<Path> cacheFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".rules")).toList();
        }
    }

    private Path onlyCacheFile() throws IOException {
        List<Path> files = cacheFiles();
        assertThat(files).hasSize(1);
        return files.get(0);
    }

    @Test
    void a_warm_cache_gives_the_decisions_and_explanations_of_a_fresh_compile_for_every_corpus_case() {
        PolicyEngine cold = cached();
        assertThat(EngineProbe.rulesFromCache(cold)).as("first build compiles").isFalse();
        PolicyEngine warm = cached();
        assertThat(EngineProbe.rulesFromCache(warm)).as("second build loads the cache").isTrue();
        RuleSet.forgetShared();
        PolicyEngine fresh = PolicyEngine.builder().build();
        assertThat(EngineProbe.rulesFromCache(fresh)).isFalse();

        List<Corpus.Labelled> cases = Corpus.all();
        assertThat(cases).hasSizeGreaterThan(500);
        for (Corpus.Labelled c : cases) {
            ProposedMessage m = c.policyCase().message();
            assertThat(warm.evaluate(m)).as(c.label()).isEqualTo(fresh.evaluate(m));
            // Explanations carry each fired rule's @clause and source file: both survive the cache.
            assertThat(warm.explain(m)).as(c.label()).isEqualTo(fresh.explain(m));
        }
        assertThat(warm.explain(cases.get(0).policyCase().message()).firedRules())
                .allSatisfy(r -> assertThat(r.file()).startsWith("clause-").endsWith(".drl"));
    }

    @Test
    void a_changed_rule_source_misses_the_cache() throws IOException {
        cached();
        Path first = onlyCacheFile();

        RuleSet.forgetShared();
        PolicyEngine added = PolicyEngine.builder().compiledRulesCache(dir).rule("school-extra.drl", EXTRA_RULE).build();
        assertThat(EngineProbe.rulesFromCache(added)).isFalse();

        RuleSet.forgetShared();
        String builtIn = EngineProbe.builtInRules().get("clause-4.4-hlta-no-access.drl");
        PolicyEngine edited = PolicyEngine.builder().compiledRulesCache(dir)
                .rule("clause-4.4-hlta-no-access.drl", builtIn + "\n// edited\n").build();
        assertThat(EngineProbe.rulesFromCache(edited)).isFalse();

        // Built-in and school rules are cached apart: the built-in entry, the school's extra file,
        // and for the edited 4.4 the built-ins without it plus the school's copy.
        assertThat(cacheFiles()).hasSize(4).contains(first);
        assertThat(EngineProbe.rulesFromCache(cached())).as("the original rules still hit their own entry").isTrue();
    }

    @Test
    void the_key_covers_the_rule_sources_and_the_drools_and_hallpass_versions() {
        assertThat(RuleCache.key("a")).isNotEqualTo(RuleCache.key("b")).hasSize(64);
        assertThat(RuleCache.droolsVersion()).contains(org.drools.base.util.Drools.getFullVersion());
        assertThat(RuleCache.hallpassVersion()).isNotBlank().isNotEqualTo("unknown").doesNotContain("${");
    }

    /** @param reason what the header check must say about the corrupted file, or null when the header is sound */
    private void corruptedCacheIsIgnoredAndRewritten(String reason, java.util.function.UnaryOperator<byte[]> corrupt) throws IOException {
        cached();
        Path file = onlyCacheFile();
        byte[] good = Files.readAllBytes(file);
        byte[] bad = corrupt.apply(good.clone());
        Files.write(file, bad);
        String fileKey = file.getFileName().toString().replace(".rules", "");
        if (reason != null) {
            assertThatThrownBy(() -> RuleCacheFile.verifiedPayload(bad, fileKey)).hasMessageContaining(reason);
        } else {
            assertThat(RuleCacheFile.verifiedPayload(bad, fileKey)).isNotEmpty();
        }

        PolicyEngine rebuilt = cached();
        assertThat(EngineProbe.rulesFromCache(rebuilt)).as("a corrupt file is not trusted").isFalse();
        assertThat(rebuilt.evaluate(message(Channel.CLASS_CHAT, Role.PARENT, "Is Amelia coming to the party?")).outcome())
                .isEqualTo(Outcome.REDIRECT);
        String key = file.getFileName().toString().replace(".rules", "");
        assertThat(RuleCacheFile.verifiedPayload(Files.readAllBytes(file), key)).as("rewritten with a good entry").isNotEmpty();
        assertThat(EngineProbe.rulesFromCache(cached())).as("and the rewritten entry is used").isTrue();
    }

    @Test
    void a_truncated_cache_file_is_ignored_and_rebuilt() throws IOException {
        corruptedCacheIsIgnoredAndRewritten("truncated", b -> Arrays.copyOf(b, b.length / 2));
    }

    @Test
    void a_cache_file_cut_inside_its_header_is_ignored_and_rebuilt() throws IOException {
        corruptedCacheIsIgnoredAndRewritten("header cut short", b -> Arrays.copyOf(b, 20));
    }

    @Test
    void a_cache_file_with_a_flipped_payload_byte_fails_its_checksum_and_is_rebuilt() throws IOException {
        corruptedCacheIsIgnoredAndRewritten("checksum mismatch", b -> {
            b[b.length - 100] ^= 0x01;
            return b;
        });
    }

    @Test
    void a_cache_file_with_another_format_version_is_ignored_and_rebuilt() throws IOException {
        corruptedCacheIsIgnoredAndRewritten("format version", b -> {
            b[16 + 3] = (byte) (RuleCacheFile.FORMAT_VERSION + 1); // the int after the 16-byte magic
            return b;
        });
    }

    @Test
    void a_cache_file_of_random_bytes_is_ignored_and_rebuilt() throws IOException {
        corruptedCacheIsIgnoredAndRewritten("not a compiled-rules cache file", b -> {
            new java.util.Random(7).nextBytes(b);
            return b;
        });
    }

    @Test
    void a_well_formed_file_whose_payload_is_not_rule_packages_is_ignored_and_rebuilt() throws IOException {
        corruptedCacheIsIgnoredAndRewritten(null, b -> {
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                    out.writeObject(new ArrayList<>(List.of("not a package")));
                }
                return RuleCacheFile.file(onlyCacheFile().getFileName().toString().replace(".rules", ""), bytes.toByteArray());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void a_cache_file_written_for_another_key_is_ignored() throws IOException {
        cached();
        Path file = onlyCacheFile();
        String key = file.getFileName().toString().replace(".rules", "");
        byte[] payload = RuleCacheFile.verifiedPayload(Files.readAllBytes(file), key);
        Files.write(file, RuleCacheFile.file(RuleCache.key("other rules"), payload));
        assertThatThrownBy(() -> RuleCacheFile.verifiedPayload(Files.readAllBytes(file), key)).hasMessageContaining("another key");

        assertThat(EngineProbe.rulesFromCache(cached())).isFalse();
        assertThat(EngineProbe.rulesFromCache(cached())).isTrue();
    }

    @Test
    void a_payload_that_would_deserialize_a_class_outside_the_allow_list_is_refused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new ArrayList<>(List.of(new java.util.Date(0))));
        }
        byte[] payload = bytes.toByteArray();
        assertThatThrownBy(() -> RuleCacheFile.deserialize(payload)).isInstanceOf(InvalidClassException.class)
                .hasMessageContaining("REJECTED");

        cached();
        Path file = onlyCacheFile();
        String key = file.getFileName().toString().replace(".rules", "");
        Files.write(file, RuleCacheFile.file(key, payload)); // a well-formed header and a matching checksum
        assertThat(new RuleCache(dir).load(key)).isEmpty();
        assertThat(EngineProbe.rulesFromCache(cached())).isFalse();
    }

    @Test
    void the_filter_bounds_nesting_depth() throws IOException {
        List<Object> deep = new ArrayList<>();
        List<Object> at = deep;
        for (int i = 0; i < 500; i++) {
            List<Object> next = new ArrayList<>();
            at.add(next);
            at = next;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(deep);
        }
        assertThatThrownBy(() -> RuleCacheFile.deserialize(bytes.toByteArray())).isInstanceOf(InvalidClassException.class);
    }

    @Test
    void a_cache_directory_that_cannot_be_created_does_not_fail_the_build() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("a-file"), "x");
        RuleSet.forgetShared();
        PolicyEngine engine = PolicyEngine.builder().compiledRulesCache(notADirectory.resolve("rules")).build();
        assertThat(EngineProbe.rulesFromCache(engine)).isFalse();
        assertThat(engine.evaluate(message(Channel.CLASS_CHAT, Role.PARENT, "See you at pick-up")).outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void a_cache_directory_others_may_write_is_neither_written_nor_read() throws IOException {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        RuleSet.forgetShared();
        assertThat(EngineProbe.rulesFromCache(PolicyEngine.builder().compiledRulesCache(shared).build())).isFalse();
        try (Stream<Path> files = Files.list(shared)) {
            assertThat(files).as("nothing written where others could swap it").isEmpty();
        }

        // An entry that got there anyway (written while the directory was private) is not read.
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwx------"));
        RuleSet.forgetShared();
        PolicyEngine.builder().compiledRulesCache(shared).build();
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        RuleSet.forgetShared();
        assertThat(EngineProbe.rulesFromCache(PolicyEngine.builder().compiledRulesCache(shared).build())).isFalse();
    }

    @Test
    void the_cache_directory_and_its_files_are_private_to_the_owner() throws IOException {
        Path nested = dir.resolve("a/b/rules");
        RuleSet.forgetShared();
        PolicyEngine.builder().compiledRulesCache(nested).build();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(nested))).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(nested)) {
            assertThat(files).singleElement()
                    .satisfies(f -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------"));
        }
    }

    @Test
    void rules_that_do_not_compile_are_never_cached() throws IOException {
        cached();
        var builtInOnly = cacheFiles();
        RuleSet.forgetShared();
        assertThatThrownBy(() -> PolicyEngine.builder().compiledRulesCache(dir)
                .rule("broken.drl", EXTRA_RULE.replace("then", "then then")).build()).isInstanceOf(RuleLoadException.class);
        RuleSet.forgetShared();
        assertThatThrownBy(() -> PolicyEngine.builder().compiledRulesCache(dir)
                .rule("unknown-clause.drl", EXTRA_RULE.replace("@clause(\"4.4\")", "@clause(\"9.9\")")).build())
                .isInstanceOf(RuleLoadException.class).hasMessageContaining("9.9");
        RuleSet.forgetShared();
        assertThatThrownBy(() -> PolicyEngine.builder().compiledRulesCache(dir)
                .rule("refused.drl", EXTRA_RULE.replace("import dev.hallpass.facts.Message;", "import java.io.File;")).build())
                .isInstanceOf(RuleLoadException.class);
        // Only the built-in rules (their own entry) were ever cached; nothing of the refused files.
        assertThat(cacheFiles()).containsExactlyInAnyOrderElementsOf(builtInOnly);
    }

    @Test
    void the_cache_is_off_unless_asked_for() {
        RuleSet.forgetShared();
        assertThat(EngineProbe.rulesFromCache(PolicyEngine.builder().build())).isFalse();
        assertThatThrownBy(() -> PolicyEngine.builder().compiledRulesCache(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void old_entries_beyond_the_newest_few_are_deleted() throws IOException {
        for (int i = 0; i < RuleCache.KEEP_FILES + 3; i++) {
            RuleSet.forgetShared();
            PolicyEngine.builder().compiledRulesCache(dir).rule("extra.drl", EXTRA_RULE + "\n// " + i + "\n").build();
        }
        assertThat(cacheFiles()).hasSize(RuleCache.KEEP_FILES);
    }

    private static final ProposedMessage CHILD_NAMED_IN_CLASS_CHAT = message(Channel.CLASS_CHAT, Role.PARENT, "Is Amelia coming to the party?");

    private static String key(Path entry) {
        return entry.getFileName().toString().replace(".rules", "");
    }

    private static String capturingStandardError(Runnable body) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        // slf4j-simple looks System.err up on each write, so swapping it catches every log line.
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setErr(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        original.print(text);
        return text;
    }

    @Test
    void a_symbolic_link_planted_as_the_entry_is_not_followed_and_is_replaced_by_a_compiled_entry() throws IOException {
        cached();
        Path entry = onlyCacheFile();
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Path target = Files.copy(entry, elsewhere.resolve("good-copy.rules"));
        byte[] targetBytes = Files.readAllBytes(target);
        Files.delete(entry);
        Files.createSymbolicLink(entry, target);
        assertThat(new RuleCache(dir).load(key(entry))).as("a sound entry behind a link is still not read").isEmpty();

        PolicyEngine rebuilt = cached();
        assertThat(EngineProbe.rulesFromCache(rebuilt)).isFalse();
        assertThat(rebuilt.evaluate(CHILD_NAMED_IN_CLASS_CHAT).outcome()).isEqualTo(Outcome.REDIRECT);
        assertThat(Files.isSymbolicLink(entry)).as("the link was replaced, not written through").isFalse();
        assertThat(Files.readAllBytes(target)).isEqualTo(targetBytes);
        assertThat(EngineProbe.rulesFromCache(cached())).as("the rewritten entry is used").isTrue();
    }

    @Test
    void a_symbolically_linked_cache_directory_is_refused_with_a_warning_and_the_build_succeeds() throws IOException {
        Path real = Files.createDirectory(dir.resolve("real"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        RuleSet.forgetShared();
        PolicyEngine.builder().compiledRulesCache(real).build();
        List<Path> written;
        try (Stream<Path> files = Files.list(real)) {
            written = files.toList();
        }
        assertThat(written).as("a good entry in the real directory").hasSize(1);
        byte[] entryBytes = Files.readAllBytes(written.get(0));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);

        PolicyEngine[] built = new PolicyEngine[1];
        String log = capturingStandardError(() -> {
            RuleSet.forgetShared();
            built[0] = PolicyEngine.builder().compiledRulesCache(link).build();
        });
        assertThat(EngineProbe.rulesFromCache(built[0])).as("not read through the link").isFalse();
        assertThat(built[0].evaluate(CHILD_NAMED_IN_CLASS_CHAT).outcome()).isEqualTo(Outcome.REDIRECT);
        assertThat(log).contains("WARN").contains("symbolic link");
        try (Stream<Path> files = Files.list(real)) {
            assertThat(files).as("nothing written through the link").containsExactlyElementsOf(written);
        }
        assertThat(Files.readAllBytes(written.get(0))).isEqualTo(entryBytes);
    }

    @Test
    void an_entry_that_group_or_others_may_write_is_ignored_and_rewritten_owner_only() throws IOException {
        for (String permissions : List.of("rw--w----", "rw-----w-", "rw-rw-rw-")) {
            cached();
            Path entry = onlyCacheFile();
            Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString(permissions));
            assertThat(new RuleCache(dir).load(key(entry))).as(permissions).isEmpty();
            PolicyEngine rebuilt = cached();
            assertThat(EngineProbe.rulesFromCache(rebuilt)).as(permissions).isFalse();
            assertThat(rebuilt.evaluate(CHILD_NAMED_IN_CLASS_CHAT).outcome()).isEqualTo(Outcome.REDIRECT);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(onlyCacheFile()))).isEqualTo("rw-------");
            assertThat(EngineProbe.rulesFromCache(cached())).as("the rewritten entry is used").isTrue();
        }
    }

    @Test
    void an_entry_swapped_between_its_check_and_its_read_is_ignored() throws IOException {
        cached();
        Path entry = onlyCacheFile();
        assertThat(new RuleCache(dir).load(key(entry))).as("the entry is sound before the swap").isPresent();
        // The same sound bytes, but in a file others may write: only the swap's detection refuses it.
        Path swap = Files.copy(entry, Files.createDirectory(dir.resolve("swap")).resolve("other.rules"));
        Files.setPosixFilePermissions(swap, PosixFilePermissions.fromString("rw-rw-rw-"));
        AtomicBoolean swapped = new AtomicBoolean();
        RuleCache.afterEntryChecked = () -> {
            if (swapped.compareAndSet(false, true)) {
                try {
                    Files.move(swap, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        String log;
        try {
            log = capturingStandardError(() -> assertThat(new RuleCache(dir).load(key(entry))).isEmpty());
        } finally {
            RuleCache.afterEntryChecked = () -> {};
        }
        assertThat(swapped).isTrue();
        assertThat(log).contains("changed while it was read");
        PolicyEngine rebuilt = cached();
        assertThat(EngineProbe.rulesFromCache(rebuilt)).isFalse();
        assertThat(rebuilt.evaluate(CHILD_NAMED_IN_CLASS_CHAT).outcome()).isEqualTo(Outcome.REDIRECT);
    }
}
