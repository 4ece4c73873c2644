package dev.switchboard.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void numbersAreHeldAsJavaScriptHoldsThem() {
        assertThat(Json.parse("[1, 2.0, 2.5, 12345678901234]")).isEqualTo(List.of(1L, 2L, 2.5, 12345678901234L));
        assertThat(Json.number(3.0)).isEqualTo(3L);
        assertThat(Json.number(-0.0)).isEqualTo(-0.0);
        assertThat(Json.formatDouble(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(Json.formatDouble(1e21)).isEqualTo("1e+21");
        assertThat(Json.formatDouble(1.5e-7)).isEqualTo("1.5e-7");
        assertThat(Json.toText(2.0)).isEqualTo("2");
    }

    @Test
    void objectsKeepTheirKeyOrder() {
        assertThat(Json.write(Json.parse("{\"b\": 1, \"a\": 2}"))).isEqualTo("{\"b\":1,\"a\":2}");
    }

    @Test
    void aCopyIsDeep() {
        Map<String, Object> original = new LinkedHashMap<>(Map.of("list", new ArrayList<>(List.of(1L))));
        Map<String, Object> copy = Json.copy(original);
        ((List<Object>) copy.get("list")).add(2L);
        assertThat(original.get("list")).isEqualTo(List.of(1L));
    }

    @Test
    void deepEqualityComparesNumbersByValue() {
        assertThat(Json.deepEquals(Map.of("a", 1L), Map.of("a", 1.0))).isTrue();
        assertThat(Json.deepEquals(List.of(1L, "x"), List.of(1L, "y"))).isFalse();
        assertThat(Json.deepEquals(Map.of("a", 1L), Map.of("a", 1L, "b", 2L))).isFalse();
    }

    @Test
    void badJsonSaysWhere() {
        assertThatThrownBy(() -> Json.parse("{\"a\": }")).isInstanceOf(JsonException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> Json.parseObject("[1]")).hasMessageContaining("expected a JSON object but found array");
    }

    @Test
    void dotPathsReadWriteAndRemove() {
        Map<String, Object> doc = new LinkedHashMap<>();
        JsonPath.set(doc, "customer.address.city", "Lyon");
        JsonPath.set(doc, "tags[1]", "b");
        JsonPath.set(doc, "odd[\"key.with.dots\"]", 1L);
        assertThat(Json.write(doc)).isEqualTo("{\"customer\":{\"address\":{\"city\":\"Lyon\"}},\"tags\":[null,\"b\"],\"odd\":{\"key.with.dots\":1}}");
        assertThat(JsonPath.get(doc, "customer.address.city")).isEqualTo("Lyon");
        assertThat(JsonPath.get(doc, "customer.nothing.deeper")).isNull();
        assertThat(JsonPath.has(doc, "tags[0]")).isTrue();
        assertThat(JsonPath.has(doc, "tags[5]")).isFalse();
        JsonPath.remove(doc, "customer.address");
        assertThat(JsonPath.get(doc, "customer")).isEqualTo(Map.of());
    }
}
