package io.gan4j.core.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code DeviceChoice} selects the device the process's networks, batches and noise live on: {@code cpu},
 * {@code gpu} (the first GPU) or {@code gpu:N}. Without a choice it is DJL's default for the engine (the
 * first GPU when the engine's native library was built with CUDA and sees one, else the CPU). Managers
 * made by {@link #newBaseManager()} are on it, so a training step creates its noise and copies its real
 * batch to the device once and every op of the step runs there. The float64 linear algebra of the
 * metrics (FID's moments, square roots and eigenvalues) stays on the CPU, where LAPACK is.
 */
public final class DeviceChoice {

    /** The system property that holds the choice, so that worker JVMs can inherit it. */
    public static final String PROPERTY = "gan4j.device";
    private static final Pattern NAME = Pattern.compile("cpu|gpu(?::(\\d+))?");

    private DeviceChoice() {}

    /**
     * Parses a device name.
     *
     * @param name {@code cpu}, {@code gpu} or {@code gpu:N}, case-insensitive
     * @return the device
     * @throws IllegalArgumentException when the name is none of those
     */
    public static Device parse(String name) {
        Matcher m = NAME.matcher(name.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("unknown device '" + name + "'; expected cpu, gpu or gpu:N");
        }
        return m.group(0).equals("cpu") ? Device.cpu() : Device.gpu(m.group(1) == null ? 0 : Integer.parseInt(m.group(1)));
    }

    /**
     * Makes {@code name} the device of every manager {@link #newBaseManager()} creates from now on, after
     * checking that the current engine has it.
     *
     * @param name {@code cpu}, {@code gpu} or {@code gpu:N}
     * @throws IllegalArgumentException when the name is unknown or the engine sees no such GPU
     */
    public static void use(String name) {
        Device device = parse(name);
        check(device);
        System.setProperty(PROPERTY, device.getDeviceType() + (device.isGpu() ? ":" + device.getDeviceId() : ""));
    }

    /**
     * Returns the chosen device, else the engine's default.
     *
     * @return the device managers are created on
     */
    public static Device current() {
        String chosen = System.getProperty(PROPERTY);
        if (chosen != null && !chosen.isBlank()) {
            return parse(chosen);
        }
        EngineChoice.useDefaultUnlessChosen();
        return Engine.getInstance().defaultDevice();
    }

    /**
     * Returns a new base manager on {@link #current()}.
     *
     * @return the manager, which the caller closes
     */
    public static NDManager newBaseManager() {
        return NDManager.newBaseManager(current());
    }

    /**
     * Checks that the current engine has {@code device}.
     *
     * @param device the device
     * @throws IllegalArgumentException naming the engine and how many GPUs it sees
     */
    public static void check(Device device) {
        if (!device.isGpu()) {
            return;
        }
        EngineChoice.useDefaultUnlessChosen();
        Engine engine = Engine.getInstance();
        int gpus = engine.getGpuCount();
        if (device.getDeviceId() >= gpus) {
            throw new IllegalArgumentException("device gpu:" + device.getDeviceId() + ": the " + EngineChoice.current() + " engine sees "
                    + gpus + " GPU(s) here" + (gpus == 0 ? " (no CUDA device, or its native library is the CPU build;"
                    + " see docs/engines.md, GPUs)" : ""));
        }
    }
}
