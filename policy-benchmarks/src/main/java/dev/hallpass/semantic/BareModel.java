package dev.hallpass.semantic;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The semantic tier's own model session, for the benchmarks' bare-inference baseline: the same {@link
 * OrtSession} the shared tier runs, and the token ids of the windows it would run on a text. In the
 * benchmark module (same package as the tier, on the class path) so the tier keeps no public surface for it.
 */
public final class BareModel {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final boolean wantsTypeIds;

    private BareModel(OrtSession session) {
        this.session = session;
        this.wantsTypeIds = session.getInputNames().contains("token_type_ids");
    }

    /** The session of {@link SemanticDetector#shared()}. */
    public static BareModel ofSharedTier() {
        return new BareModel(SemanticDetector.shared().tier().encoder().session());
    }

    /**
     * The model's inputs for every window the tier runs on {@code text}: [CLS], the window's ids, [SEP].
     */
    public static List<long[]> windows(String text) {
        Encoder encoder = SemanticDetector.shared().tier().encoder();
        List<long[]> out = new ArrayList<>();
        long[] ids = encoder.tokenize(SemanticTier.head(text)).ids();
        for (int[] w : SemanticTier.windows(encoder, text)) {
            long[] input = new long[w[1] - w[0] + 2];
            input[0] = 101;
            System.arraycopy(ids, w[0], input, 1, w[1] - w[0]);
            input[input.length - 1] = 102;
            out.add(input);
        }
        return out;
    }

    /** Inputs made once for one window: ids, mask of ones, type ids of zeros. */
    public final class Prepared implements AutoCloseable {
        private final Map<String, OnnxTensor> inputs;

        Prepared(long[] ids) throws OrtException {
            long[] shape = {1, ids.length};
            long[] ones = new long[ids.length];
            java.util.Arrays.fill(ones, 1L);
            OnnxTensor i = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
            OnnxTensor m = OnnxTensor.createTensor(env, LongBuffer.wrap(ones), shape);
            inputs = wantsTypeIds
                    ? Map.of("input_ids", i, "attention_mask", m, "token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[ids.length]), shape))
                    : Map.of("input_ids", i, "attention_mask", m);
        }

        /** One run of the model; the last hidden state's first value, so nothing is optimised away. */
        public float run() throws OrtException {
            try (OrtSession.Result r = session.run(inputs)) {
                return ((OnnxTensor) r.get(0)).getFloatBuffer().get(0);
            }
        }

        @Override
        public void close() {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** The tensors for {@code ids}, made once: the bare run then does nothing but run the session. */
    public Prepared prepare(long[] ids) throws OrtException {
        return new Prepared(ids);
    }
}
