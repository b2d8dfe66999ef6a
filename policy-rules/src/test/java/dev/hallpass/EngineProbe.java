package dev.hallpass;

/** Test support: what tests in other packages may ask of an engine's internals. Test scope only. */
public final class EngineProbe {
    private EngineProbe() {}

    /** True when the engine's rules were loaded from its compiled-rules cache. */
    public static boolean rulesFromCache(PolicyEngine engine) {
        return engine.rulesFromCache();
    }

    /** The built-in rule files by name, in load order. */
    public static java.util.Map<String, String> builtInRules() {
        return PolicyEngine.Builder.builtInRules();
    }
}
