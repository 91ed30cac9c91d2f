package io.gan4j.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DatasetSpecsTest {

    @TempDir
    Path base;

    @Test
    void pathsThatExistBecomeAbsoluteAndNothingElseChanges() throws Exception {
        Files.createDirectories(base.resolve("data/photos"));
        Files.writeString(base.resolve("data/images.gz"), "x");
        Files.writeString(base.resolve("data/labels.gz"), "x");
        Files.writeString(base.resolve("t.csv"), "x");
        Files.writeString(base.resolve("y"), "a file named like a label value");
        Files.writeString(base.resolve("idx"), "a file named like a kind");
        String d = base.toAbsolutePath().toString();
        assertThat(DatasetSpecs.withAbsolutePaths("idx:data/images.gz,data/labels.gz", base))
                .isEqualTo("idx:" + d + "/data/images.gz," + d + "/data/labels.gz");
        assertThat(DatasetSpecs.withAbsolutePaths("range:0-100@idx:data/images.gz", base)).isEqualTo("range:0-100@idx:" + d + "/data/images.gz");
        assertThat(DatasetSpecs.withAbsolutePaths("csv:t.csv,label=y", base)).isEqualTo("csv:" + d + "/t.csv,label=y");
        assertThat(DatasetSpecs.withAbsolutePaths("folder:data/photos,size=28", base)).isEqualTo("folder:" + d + "/data/photos,size=28");
        assertThat(DatasetSpecs.withAbsolutePaths("unpaired:folder:data/photos|folder:data/photos", base))
                .isEqualTo("unpaired:folder:" + d + "/data/photos|folder:" + d + "/data/photos");
        assertThat(DatasetSpecs.withAbsolutePaths("mnist", base)).isEqualTo("mnist");
        assertThat(DatasetSpecs.withAbsolutePaths("ring8:500", base)).isEqualTo("ring8:500");
        assertThat(DatasetSpecs.withAbsolutePaths("idx:/abs/images.gz", base)).isEqualTo("idx:/abs/images.gz");
        assertThat(DatasetSpecs.withAbsolutePaths("idx:missing.gz", base)).isEqualTo("idx:missing.gz");
    }
}
