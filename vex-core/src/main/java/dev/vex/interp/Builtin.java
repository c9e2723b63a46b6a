package dev.vex.interp;

/**
 * The runtime builtins of ASYNC-IR.md that the interpreter implements, by name. Their
 * behaviour is in {@link Builtins}; the verifier owns their signatures.
 */
enum Builtin {
    YIELD("vex_yield", 0, 0),
    SLEEP("vex_sleep", 1, 0),
    JOIN("vex_join", 1, 1),
    DETACH("vex_detach", 1, 0),
    CHAN_NEW("vex_chan_new", 1, 1),
    CHAN_SEND("vex_chan_send", 2, 1),
    CHAN_RECV("vex_chan_recv", 1, 2),
    CHAN_CLOSE("vex_chan_close", 1, 0),
    ALLOC("vex_alloc", 1, 1),
    FREE("vex_free", 1, 0);

    private final String name;
    private final int params;
    private final int results;

    Builtin(String name, int params, int results) {
        this.name = name;
        this.params = params;
        this.results = results;
    }

    /** The builtin called {@code name} (without {@code %}), or null. */
    static Builtin named(String name) {
        for (Builtin b : values()) {
            if (b.name.equals(name)) {
                return b;
            }
        }
        return null;
    }

    String builtinName() {
        return name;
    }

    int paramCount() {
        return params;
    }

    int resultCount() {
        return results;
    }
}
