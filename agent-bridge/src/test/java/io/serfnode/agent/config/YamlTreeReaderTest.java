package io.serfnode.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class YamlTreeReaderTest {
    @Test
    void remembersTheLineAndColumnOfEveryKeyAndValue() {
        Problems problems = new Problems("t.yml");

        YamlMap root = (YamlMap) YamlTreeReader.read("""
                a:
                  b: [x, 12]
                """, problems).orElseThrow();

        YamlMap.Entry a = root.entry("a").orElseThrow();
        assertThat(a.keyMark()).isEqualTo(new Mark(1, 1));
        YamlMap.Entry b = ((YamlMap) a.value()).entry("b").orElseThrow();
        assertThat(b.keyMark()).isEqualTo(new Mark(2, 3));
        YamlList list = (YamlList) b.value();
        assertThat(list.mark()).isEqualTo(new Mark(2, 6));
        assertThat(list.items()).extracting(YamlNode::mark).containsExactly(new Mark(2, 7), new Mark(2, 10));
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void keepsScalarsAsWrittenWithTheKindYamlGivesThem() {
        Problems problems = new Problems("t.yml");

        YamlList list = (YamlList) YamlTreeReader.read("[yes, 012, '7', 1.50, ~, plain text]", problems).orElseThrow();

        assertThat(list.items()).map(node -> (YamlScalar) node)
                .extracting(YamlScalar::kind, YamlScalar::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(YamlScalar.Kind.TRUE, "yes"),
                        org.assertj.core.groups.Tuple.tuple(YamlScalar.Kind.INTEGER, "012"),
                        org.assertj.core.groups.Tuple.tuple(YamlScalar.Kind.STRING, "7"),
                        org.assertj.core.groups.Tuple.tuple(YamlScalar.Kind.FLOAT, "1.50"),
                        org.assertj.core.groups.Tuple.tuple(YamlScalar.Kind.NULL, "~"),
                        org.assertj.core.groups.Tuple.tuple(YamlScalar.Kind.STRING, "plain text"));
    }

    @Test
    void reportsADuplicateKeyAndKeepsTheFirstValue() {
        Problems problems = new Problems("t.yml");

        YamlMap root = (YamlMap) YamlTreeReader.read("a: 1\nb: 2\na: 3\n", problems).orElseThrow();

        assertThat(((YamlScalar) root.get("a").orElseThrow()).text()).isEqualTo("1");
        assertThat(problems.size()).isEqualTo(1);
    }

    @Test
    void refusesMoreAliasesThanAConfigurationNeeds() {
        StringBuilder text = new StringBuilder("a: &x [1, 2]\nb: [");
        for (int i = 0; i <= YamlTreeReader.MAX_ALIASES; i++) {
            text.append(i == 0 ? "" : ", ").append("*x");
        }
        text.append("]\n");
        Problems problems = new Problems("t.yml");

        YamlTreeReader.read(text.toString(), problems);

        assertThat(problems.size()).isEqualTo(1);
    }

    @Test
    void answersNothingForATextWithoutADocument() {
        Problems problems = new Problems("t.yml");

        assertThat(YamlTreeReader.read("# only a comment\n", problems)).isEmpty();
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void findsTabsInIndentationOnly() {
        assertThat(TabIndentation.find("a:\n\tb: 1\n  c: \"x\ty\"\n \t d: 2\n"))
                .containsExactly(new Mark(2, 1), new Mark(4, 2));
    }
}
