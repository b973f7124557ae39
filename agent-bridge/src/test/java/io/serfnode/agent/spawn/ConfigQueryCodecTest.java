package io.serfnode.agent.spawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serfnode.agent.serf.rpc.SerfLimits;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConfigQueryCodecTest {
    private final ConfigQueryCodec codec = new ConfigQueryCodec(SerfLimits.DEFAULTS);

    @Test
    void pagesALongConfigurationIntoResponsesThatFitSerfsLimit() {
        String text = "children:\n" + "  - app:\n      exec: echo ünïcødé and more\n".repeat(120);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        int pages = 0;
        while (pages == 0 || joined.size() < text.getBytes(StandardCharsets.UTF_8).length) {
            byte[] payload = codec.encodePage("a-member-with-a-long-name", Long.MAX_VALUE, text, joined.size());
            assertThat(SerfLimits.encodedQueryResponseSize(Long.MAX_VALUE, "a-member-with-a-long-name", payload))
                    .isLessThanOrEqualTo(1024);
            ConfigQueryCodec.Page page = codec.decodePage("a-member-with-a-long-name", payload);
            assertThat(page.from()).isEqualTo(joined.size());
            joined.write(page.data(), 0, page.data().length);
            pages++;
        }
        assertThat(joined.toString(StandardCharsets.UTF_8)).isEqualTo(text);
        assertThat(pages).isGreaterThan(5);
    }

    @Test
    void answersAnEmptyConfigurationWithOneEmptyPage() {
        ConfigQueryCodec.Page page = codec.decodePage("m", codec.encodePage("m", 1, "", 0));
        assertThat(page.total()).isZero();
        assertThat(page.data()).isEmpty();
    }

    @Test
    void refusesAPageThatGoesPastTheTotalNamingTheMember() {
        byte[] bad = "{\"v\":1,\"tot\":2,\"h\":\"x\",\"i\":0,\"d\":\"AAAA\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> codec.decodePage("db-1", bad)).hasMessageContaining("answer of db-1")
                .hasMessageContaining("do not fit a text of 2 bytes");
    }

    @Test
    void readsBackTheOffsetOfARequest() {
        assertThat(codec.decodeRequest(codec.encodeRequest(731))).isEqualTo(731);
    }
}
