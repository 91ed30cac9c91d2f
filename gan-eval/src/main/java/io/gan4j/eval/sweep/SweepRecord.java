package io.gan4j.eval.sweep;

import io.gan4j.core.config.RunConfig;
import io.gan4j.eval.run.GeneratorEvaluation;
import java.util.List;
import java.util.Map;

/**
 * A sweep as written to {@code OUT/sweep.json}: what was run, and what worker processes read.
 *
 * @param base the base config
 * @param points each point's id and settings
 * @param evaluation what is measured of each point, or null
 * @param parallel points trained at a time
 */
record SweepRecord(RunConfig base, List<Point> points, GeneratorEvaluation.Settings evaluation, int parallel) {

    /** A point as recorded. */
    record Point(String id, Map<String, Object> settings) {}

    static SweepRecord of(Sweep sweep) {
        return new SweepRecord(sweep.base(), sweep.points().stream().map(p -> new Point(p.id(), p.settings())).toList(),
                sweep.evaluation(), sweep.parallel());
    }

    /** Returns the sweep again (the points' configs are made from the base and settings as when it was read). */
    Sweep sweep() {
        return Sweep.of(base, Map.of(), points.stream().map(Point::settings).toList(), evaluation, parallel, SweepRunner.SWEEP_FILE);
    }
}
