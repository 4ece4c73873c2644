package dev.switchboard.platform.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** What user JavaScript cannot do, and that a runaway script ends cleanly. */
class SandboxTest {

    private static final JavaScriptEngine ENGINE = new JavaScriptEngine(
            new SandboxLimits(100_000, Duration.ofMillis(500)), new SandboxLimits(5_000_000, Duration.ofMillis(700)));

    private final FakeData data = new FakeData().item("{\"a\": 1}");

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }

    private Object eval(String code) {
        try (Expressions e = new Expressions(ENGINE)) {
            return e.evaluate("={{ " + code + " }}", data);
        }
    }

    private Object script(String code) {
        try (Expressions e = new Expressions(ENGINE)) {
            return e.runScript(code, data);
        }
    }

    @Test
    void hostClassesAreOutOfReach() {
        assertThatThrownBy(() -> eval("Java.type('java.lang.System')")).hasMessageContaining("Java is not defined");
        assertThatThrownBy(() -> eval("java.io.File")).hasMessageContaining("java is not defined");
        assertThatThrownBy(() -> eval("java.lang.Runtime.getRuntime()")).isInstanceOf(ExpressionException.class);
        assertThatThrownBy(() -> eval("Packages.java.lang.System.exit(1)")).isInstanceOf(ExpressionException.class);
        assertThatThrownBy(() -> eval("Polyglot.eval('js', '1')")).isInstanceOf(ExpressionException.class);
    }

    @Test
    void nodeAndProcessGlobalsDoNotExist() {
        assertThatThrownBy(() -> eval("require('fs')")).hasMessageContaining("require is not defined");
        assertThatThrownBy(() -> eval("process.env")).hasMessageContaining("process is not defined");
        assertThatThrownBy(() -> eval("$env.HOME")).hasMessageContaining("environment variables");
        assertThat(eval("typeof load")).isEqualTo("undefined");
        assertThat(eval("typeof fetch")).isEqualTo("undefined");
        assertThatThrownBy(() -> script("const fs = await import('fs'); return [];")).isInstanceOf(ExpressionException.class);
    }

    @Test
    void prototypeTricksDoNotReachTheHost() {
        assertThatThrownBy(() -> eval("this.constructor.constructor('return Java')().type('java.lang.System')"))
                .isInstanceOf(ExpressionException.class);
        assertThatThrownBy(() -> eval("[].constructor.constructor('return process')()"))
                .isInstanceOf(ExpressionException.class);
        // the bridge to the engine is a proxy: it has no Java methods to call
        assertThat(eval("Object.getOwnPropertyNames(globalThis).filter(n => n.startsWith('java')).length")).isEqualTo(0L);
    }

    @Test
    void anEndlessLoopIsCutOffAndTheEngineStaysHealthy() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> eval("(() => { while (true) {} })()"))
                .isInstanceOfSatisfying(ExpressionException.class, e -> assertThat(e.limitExceeded()).isTrue())
                .hasMessageContaining("exceeded the limit");
        assertThatThrownBy(() -> script("while (true) {}"))
                .isInstanceOfSatisfying(ExpressionException.class, e -> assertThat(e.limitExceeded()).isTrue());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(eval("$json.a + 1")).isEqualTo(2L);
        assertThat(script("return [{json: {ok: true}}];")).isNotNull();
    }

    @Test
    void aLoopWithoutStatementsIsCutOffByCpuTime() {
        // a single statement that runs long: the statement limit does not see it, the CPU-time watchdog does
        assertThatThrownBy(() -> script("'x'.repeat(1e6).split('').sort().reverse().join(''.padEnd(1e3)).repeat(1e3).split('').sort(); return [];"))
                .isInstanceOf(ExpressionException.class);
        assertThat(eval("1 + 1")).isEqualTo(2L);
    }

    @Test
    void whatOneRunChangesInTheSharedRealmDoesNotReachTheNext() {
        // a hostile script replaces built-ins and n8n's helpers, and leaves a global behind
        script("JSON.parse = () => ({ stolen: true }); Array.prototype.includes = () => true;"
                + " globalThis.leak = 42; $ = () => 'hijacked'; String.prototype.isEmpty = () => 'x'; return [];");
        FakeData next = new FakeData().item("{\"a\": 1}").node("Lookup", "{\"v\": 2}");
        try (Expressions e = new Expressions(ENGINE)) {
            assertThat(e.evaluate("={{ JSON.parse('{\"x\": 1}').x }}", next)).isEqualTo(1L);
            assertThat(e.evaluate("={{ [1].includes(5) }}", next)).isEqualTo(false);
            assertThat(e.evaluate("={{ typeof leak }}", next)).isEqualTo("undefined");
            assertThat(e.evaluate("={{ $('Lookup').first().json.v }}", next)).isEqualTo(2L);
            assertThat(e.evaluate("={{ ''.isEmpty() }}", next)).isEqualTo(true);
        }
    }

    @Test
    void aChangeThatCannotBeUndoneRetiresTheContext() {
        script("Object.defineProperty(Array.prototype, 'sticky', {value: 1, configurable: false}); return [];");
        try (Expressions e = new Expressions(ENGINE)) {
            assertThat(e.evaluate("={{ [].sticky }}", data)).isNull();
        }
    }

    @Test
    void codeCannotCloseTheWrapperToRunOutsideTheLimit() {
        long start = System.nanoTime();
        Object out;
        try (Expressions e = new Expressions(ENGINE)) {
            out = e.evaluate("={{ 1); })(); for(;;){} (function () { return (1 }}", data);
        } catch (ExpressionException ex) {
            out = ex.getMessage();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(out).isNotNull();
        try (Expressions e = new Expressions(ENGINE)) {
            assertThat(e.syntaxError("={{ 1); })(); while(true){} (function () { return (1 }}")).isNotNull();
            assertThat(e.syntaxError("={{ $json.a + 1 }}")).isNull();
        }
    }

    @Test
    void base64HelpersRoundTripUnicode() {
        assertThat(eval("'héllo ✓'.base64Encode()")).isEqualTo("aMOpbGxvIOKckw==");
        assertThat(eval("'aMOpbGxvIOKckw=='.base64Decode()")).isEqualTo("héllo ✓");
    }

    @Test
    void scriptsSeeCopiesAndTheirLogsGoToTheStep() {
        Object out = script("console.log('seen', $input.all().length); for (const i of $input.all()) i.json.a = 99; return $input.all();");
        assertThat(data.logs).containsExactly("seen 1");
        assertThat(data.input.get(0).json().get("a")).isEqualTo(1L);
        assertThat(out).asString().contains("99");
    }

    @Test
    void scriptsMayAwaitPromisesAndTimers() {
        Object out = script("const v = await new Promise(r => setTimeout(() => r(41), 50)); return [{json: {v: v + 1}}];");
        assertThat(out).asString().contains("v=42");
        assertThatThrownBy(() -> script("await new Promise(() => {}); return [];")).hasMessageContaining("never settled");
        assertThatThrownBy(() -> script("throw new Error('boom');")).hasMessage("boom");
    }
}
