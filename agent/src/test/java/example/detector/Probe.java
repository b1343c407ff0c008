package example.detector;

/** How tests call a fixture defined by an isolating class loader. */
public interface Probe {
    void release();

    int read();

    void reset();
}
