package dev.hallpass;

import dev.hallpass.detect.Detectors;

/** For tests: the detectors the engine builds for a school profile. */
public final class ProfileDetectors {
    private ProfileDetectors() {}

    public static Detectors of(SchoolProfile profile) {
        return DetectorSetup.detectors(profile);
    }
}
