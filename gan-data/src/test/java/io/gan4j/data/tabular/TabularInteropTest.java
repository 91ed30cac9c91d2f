package io.gan4j.data.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import io.gan4j.data.DataPlugin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.provenance.DataProvenance;

/** Tribuo tables in and out: CSV loading, standardization and its inverse, provenance, errors. */
final class TabularInteropTest {

    private static final Path WDBC = Path.of(System.getProperty("gan4j.shared.datasets", "../shared/datasets"), "tabular/wdbc.csv");

    @TempDir
    Path tmp;

    private Path csv(String content) throws IOException {
        Path file = tmp.resolve("t" + System.nanoTime() + ".csv");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void wdbcBecomesStandardizedVectorsWithTheLabelAsClass() {
        assumeThat(Files.isRegularFile(WDBC)).as("shared WDBC table at " + WDBC).isTrue();
        TabularDataset data = DataPlugin.csv(WDBC.toString());
        assertThat(data.size()).isEqualTo(569);
        assertThat(data.sampleShape().get(0)).isEqualTo(30);
        assertThat(data.encoding().labelColumn()).isEqualTo("diagnosis");
        assertThat(data.encoding().classes()).containsExactly("benign", "malignant");
        long malignant = java.util.stream.IntStream.range(0, data.size()).filter(i -> data.label(i) == 1).count();
        assertThat(malignant).isEqualTo(212);
        // Every feature has mean 0 and (population) standard deviation 1.
        int d = 30;
        double[] sum = new double[d];
        double[] sq = new double[d];
        float[] row = new float[d];
        for (int i = 0; i < data.size(); i++) {
            data.read(i, row, 0);
            for (int j = 0; j < d; j++) {
                sum[j] += row[j];
                sq[j] += row[j] * row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            assertThat(sum[j] / data.size()).isCloseTo(0, within(1e-5));
            assertThat(sq[j] / data.size()).isCloseTo(1, within(1e-4));
        }
    }

    @Test
    void decodingInvertsEncodingAndRecordsTheGenerator() throws IOException {
        TabularDataset data = DataPlugin.csv(csv("a,b,kind\n1,10,x\n3,10,y\n5,40,x\n7,40,y\n") + ",label=kind");
        TableEncoding enc = data.encoding();
        assertThat(enc.features()).containsExactly("a", "b");
        assertThat(enc.mean()).containsExactly(4, 25);
        assertThat(enc.std()[0]).isCloseTo(Math.sqrt(5), within(1e-12));
        float[] vectors = new float[4 * 2];
        for (int i = 0; i < 4; i++) {
            data.read(i, vectors, i * 2);
        }
        int[] labels = {0, 1, 0, 1};
        var provenance = new GeneratedDataProvenance("cgan", "runs/t", "model", 1500, 7, Map.of("x", 2, "y", 2));
        MutableDataset<Label> decoded = GeneratedExamples.toDataset(vectors, labels, enc, provenance);
        double[][] expected = {{1, 10}, {3, 10}, {5, 40}, {7, 40}};
        List<Example<Label>> rows = decoded.getData();
        for (int i = 0; i < 4; i++) {
            assertThat(rows.get(i).getOutput().getLabel()).isEqualTo(i % 2 == 0 ? "x" : "y");
            assertThat(rows.get(i).getMetadataValue(GeneratedExamples.ORIGIN)).contains(GeneratedExamples.GENERATED);
            int j = 0;
            for (Feature f : rows.get(i)) {
                assertThat(f.getValue()).isCloseTo(expected[i][j++], within(1e-5));
            }
        }
        GeneratedDataProvenance recorded = (GeneratedDataProvenance) decoded.getProvenance().getSourceProvenance();
        assertThat(recorded.variant()).isEqualTo("cgan");
        assertThat(recorded.step()).isEqualTo(1500);
        assertThat(recorded.seed()).isEqualTo(7);
        assertThat(recorded.count()).isEqualTo(4);

        MutableDataset<Label> augmented = GeneratedExamples.augment(data.table(), decoded);
        assertThat(augmented.size()).isEqualTo(8);
        GeneratedDataProvenance both = (GeneratedDataProvenance) augmented.getProvenance().getSourceProvenance();
        assertThat(both.augments()).contains((DataProvenance) data.table().getProvenance());
    }

    @Test
    void provenanceSurvivesTribuosMarshalling() {
        var provenance = new GeneratedDataProvenance("acgan", "runs/x", "step-000000500", 500, 3, Map.of("malignant", 120));
        var marshalled = ProvenanceUtil.marshalProvenance(provenance);
        assertThat(ProvenanceUtil.unmarshalProvenance(marshalled)).isEqualTo(provenance);
    }

    @Test
    void savedCsvLoadsBackWithTheSameRows() throws IOException {
        TabularDataset data = DataPlugin.csv(csv("a,b,kind\n1,10,x\n3,10,y\n5,40,x\n") + ",label=kind");
        Path out = tmp.resolve("out.csv");
        CsvTables.save(data.table(), out, "kind");
        MutableDataset<Label> again = CsvTables.load(out, "kind");
        assertThat(again.size()).isEqualTo(3);
        assertThat(TableEncoding.fit(again, "kind")).usingRecursiveComparison().isEqualTo(data.encoding());
        TableEncoding.fit(again, "kind").write(tmp.resolve("enc.json"));
        assertThat(TableEncoding.read(tmp.resolve("enc.json"))).usingRecursiveComparison().isEqualTo(data.encoding());
    }

    @Test
    void badTablesGetOneLineErrorsNamingTheFile() throws IOException {
        assertThatThrownBy(() -> DataPlugin.csv(tmp.resolve("missing.csv").toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no such CSV file");
        Path file = csv("a,b,kind\n1,2,x\n3,4,y\n");
        assertThatThrownBy(() -> DataPlugin.csv(file + ",label=nope"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no label column 'nope'").hasMessageContaining("a, b, kind");
        assertThatThrownBy(() -> DataPlugin.csv(csv("a,b,kind\n1,x,x\n3,4,y\n").toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(".csv");
        assertThatThrownBy(() -> DataPlugin.csv(csv("a,kind\n1,x\n2,x\n").toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 classes");
        assertThatThrownBy(() -> DataPlugin.csv(csv("").toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty file");
    }
}
