package example.prefilter;

import java.util.ArrayList;

/** No annotations; reaches {@code java.util.Collection} only through JDK supertypes. */
public class NameList extends ArrayList<String> {
    private static final long serialVersionUID = 1L;
}
