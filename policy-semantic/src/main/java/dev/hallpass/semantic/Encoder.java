package dev.hallpass.semantic;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The sentence-embedding model: int8 bge-small-en-v1.5 (mean-pooled) run by ONNX Runtime on one shared session, with the
 * model's own tokenizer. Thread-safe: an {@link OrtSession} may be run from many threads at once, and the
 * tokenizer is stateless after loading.
 */
final class Encoder implements AutoCloseable {
    static final String MODEL_RESOURCE = "bge-small-en-v1.5-q.onnx";
    static final String TOKENIZER_RESOURCE = "bge-small-en-v1.5-q-tokenizer.json";
    static final int DIMENSIONS = 384;
    /** Tokens in one window, [CLS] and [SEP] included. */
    static final int MAX_TOKENS = 128;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final String digest;
    private final boolean wantsTypeIds;
    private final java.util.Set<String> outputs;
    private final WindowCache cache;

    private Encoder(OrtEnvironment env, OrtSession session, HuggingFaceTokenizer tokenizer, String digest, WindowCache cache) {
        this.env = env;
        this.session = session;
        this.tokenizer = tokenizer;
        this.digest = digest;
        this.wantsTypeIds = session.getInputNames().contains("token_type_ids");
        this.outputs = java.util.Set.of(session.getOutputNames().iterator().next());
        this.cache = cache;
    }

    static Encoder load(int intraOpThreads) {
        return load(MODEL_RESOURCE, TOKENIZER_RESOURCE, intraOpThreads);
    }

    static Encoder load(String modelResource, String tokenizerResource, int intraOpThreads) {
        return load(modelResource, tokenizerResource, intraOpThreads, WindowCache.fromSystemProperty());
    }

    /**
     * A copy of {@link #MODEL_RESOURCE} on disk and the SHA-256 of its bytes, both set by a host that
     * keeps one (the CLI's cache): the session then reads the file itself, and the model is neither
     * copied into the heap nor hashed again.
     */
    static final String MODEL_FILE_PROPERTY = "hallpass.semantic.modelFile";
    static final String MODEL_SHA256_PROPERTY = "hallpass.semantic.modelSha256";

    static Encoder load(String modelResource, String tokenizerResource, int intraOpThreads, WindowCache cache) {
        String file = modelResource.equals(MODEL_RESOURCE) ? System.getProperty(MODEL_FILE_PROPERTY) : null;
        String fileSha256 = System.getProperty(MODEL_SHA256_PROPERTY);
        byte[] model = file != null && fileSha256 != null ? null : resource(modelResource);
        try (InputStream tok = Encoder.class.getClassLoader().getResourceAsStream(tokenizerResource)) {
            if (tok == null) {
                throw new SemanticException("the tokenizer " + tokenizerResource + " is not on the class path");
            }
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(tok,
                    Map.of("addSpecialTokens", "true", "truncation", "false", "padding", "false"));
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = model == null ? env.createSession(file, options) : env.createSession(model, options);
            return new Encoder(env, session, tokenizer, model == null ? fileSha256 : sha256(model), cache);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException | UnsatisfiedLinkError e) {
            throw new SemanticException("the embedding model could not be loaded by ONNX Runtime on this platform ("
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "): " + e.getMessage(), e);
        }
    }

    /** The model's session (for the benchmarks' bare-inference baseline). */
    OrtSession session() {
        return session;
    }

    String modelDigest() {
        return digest;
    }

    /**
     * Tokens of {@code text} with their UTF-16 spans, without [CLS] and [SEP]. Reads only the ids and the
     * spans of the native encoding: {@code HuggingFaceTokenizer.encode} also copies out the type ids, the
     * token strings, word and sequence ids and two masks, which the tier never reads (issue 17: the
     * tokenizer was 3% of a typical evaluation). The tokenizer is made without a prefix space or
     * lower-casing, so the text goes to it as {@code encode} would pass it ({@link #tokenizeAsDjl} is
     * that path, for the test that holds the two equal).
     */
    Tokens tokenize(String text) {
        java.util.Objects.requireNonNull(text, "text");
        TokenizersLibrary lib = TokenizersLibrary.LIB;
        long encoding = lib.encode(tokenizer.getHandle(), text, false);
        try {
            return tokens(lib.getTokenIds(encoding), lib.getTokenCharSpans(encoding));
        } finally {
            lib.deleteEncoding(encoding);
        }
    }

    /** {@link #tokenize} through DJL's {@code encode}, every field copied out. */
    Tokens tokenizeAsDjl(String text) {
        Encoding e = tokenizer.encode(text, false, false);
        return tokens(e.getIds(), e.getCharTokenSpans());
    }

    private static Tokens tokens(long[] ids, CharSpan[] spans) {
        int[] starts = new int[ids.length];
        int[] ends = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            CharSpan s = spans[i];
            starts[i] = s == null ? -1 : s.getStart();
            ends[i] = s == null ? -1 : s.getEnd();
        }
        return new Tokens(ids, starts, ends);
    }

    /**
     * The last hidden state for one window: {@code ids} without special tokens; the result has one row per
     * id (the [CLS] and [SEP] rows dropped).
     */
    float[][] hidden(long[] ids, int from, int to) {
        int n = to - from + 2;
        if (n > MAX_TOKENS) {
            throw new IllegalArgumentException("a window of " + n + " tokens, over " + MAX_TOKENS);
        }
        long[] input = new long[n];
        input[0] = 101; // [CLS]
        System.arraycopy(ids, from, input, 1, to - from);
        input[n - 1] = 102; // [SEP]
        float[][] cached = cache.enabled() ? cache.get(input) : null;
        if (cached != null) {
            return cached;
        }
        float[][] rows = run(input);
        if (cache.enabled()) {
            cache.put(input, rows);
        }
        return rows;
    }

    /**
     * One run of the model on {@code input} ([CLS] … [SEP]). The ids go into this thread's direct buffer
     * and the mask and type ids are views of shared constant buffers, so ONNX Runtime reads them in place
     * (no copy, no buffers made per call); the output is read once into the rows.
     */
    private float[][] run(long[] input) {
        int n = input.length;
        long[] shape = {1, n};
        LongBuffer idsBuffer = IDS.get().clear();
        idsBuffer.put(input).flip();
        try (OnnxTensor idsT = OnnxTensor.createTensor(env, idsBuffer, shape);
             OnnxTensor maskT = OnnxTensor.createTensor(env, ONES.slice(0, n), shape);
             OnnxTensor typeT = wantsTypeIds ? OnnxTensor.createTensor(env, ZEROS.slice(0, n), shape) : null) {
            Map<String, OnnxTensor> in = wantsTypeIds
                    ? Map.of("input_ids", idsT, "attention_mask", maskT, "token_type_ids", typeT)
                    : Map.of("input_ids", idsT, "attention_mask", maskT);
            try (OrtSession.Result r = session.run(in, outputs)) {
                java.nio.FloatBuffer out = ((OnnxTensor) r.get(0)).getFloatBuffer();
                float[][] rows = new float[n - 2][DIMENSIONS];
                out.position(DIMENSIONS); // the [CLS] row
                for (float[] row : rows) {
                    out.get(row);
                }
                return rows;
            }
        } catch (OrtException e) {
            throw new SemanticException("the embedding model failed: " + e.getMessage(), e);
        }
    }

    WindowCache cache() {
        return cache;
    }

    private static LongBuffer direct(long value) {
        LongBuffer b = java.nio.ByteBuffer.allocateDirect(MAX_TOKENS * Long.BYTES).order(java.nio.ByteOrder.nativeOrder()).asLongBuffer();
        for (int i = 0; i < MAX_TOKENS; i++) {
            b.put(i, value);
        }
        return b;
    }

    /** All ones and all zeros, never written after this: the attention mask and the token type ids of every window. */
    private static final LongBuffer ONES = direct(1L);
    private static final LongBuffer ZEROS = direct(0L);
    /** Each thread's buffer for the ids of the window it runs (ONNX Runtime reads it during the run only). */
    private static final ThreadLocal<LongBuffer> IDS = ThreadLocal.withInitial(() -> direct(0L));

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new SemanticException("closing the model: " + e.getMessage(), e);
        }
        tokenizer.close();
    }

    record Tokens(long[] ids, int[] starts, int[] ends) {}

    private static byte[] resource(String name) {
        return resource(name, "the model");
    }

    /** The bytes of class-path resource {@code name}; a {@link SemanticException} naming {@code what} it is when it is missing. */
    static byte[] resource(String name, String what) {
        try (InputStream in = Encoder.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new SemanticException(what + " " + name + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
