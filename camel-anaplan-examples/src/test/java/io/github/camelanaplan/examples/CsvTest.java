package io.github.camelanaplan.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.camelanaplan.examples.support.Csv;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void writesQuotesOnlyWhereNeeded() {
        assertThat(Csv.line("a", "b c", null, 42)).isEqualTo("a,b c,,42\n");
        assertThat(Csv.line("x,y", "say \"hi\"", "two\nlines")).isEqualTo("\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\"\n");
    }

    @Test
    void readsWhatItWrites() throws Exception {
        String text = Csv.line("Name", "Note") + Csv.line("x,y", "say \"hi\"") + Csv.line("two\nlines", "")
                      + "last,row\r\nno,newline";
        Csv.RecordReader reader = new Csv.RecordReader(new StringReader(text));
        List<List<String>> records = new ArrayList<>();
        List<String> r;
        while ((r = reader.next()) != null) {
            records.add(r);
        }
        assertThat(records).containsExactly(Arrays.asList("Name", "Note"), Arrays.asList("x,y", "say \"hi\""),
                Arrays.asList("two\nlines", ""), Arrays.asList("last", "row"), Arrays.asList("no", "newline"));
    }
}
