package example.check;

/** A pool named by selectors in the checker's tests. */
public class Pool {
    public void free(long address) {}

    public static void drain() {}
}
