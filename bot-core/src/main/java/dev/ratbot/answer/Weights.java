package dev.ratbot.answer;

/**
 * The engine's calibrated numbers in one place, so that the quality tests can show how they were
 * chosen.
 *
 * @param title boost of the section's own heading (FAQ questions are headings)
 * @param path boost of the headings above it
 * @param body boost of the passage text
 * @param context boost of the whole section's text
 * @param exact extra boost for the question's own word in the passage (over its synonyms)
 * @param generic weight of concepts that say nothing about the topic ("rat", "how")
 * @param sectionOnly coverage credit for a concept found in the section but not in the passage (for
 *     answering)
 * @param focusSection the same when choosing between passages
 * @param unknown weight of a concept the pack never mentions, relative to the rarest one it does
 * @param everyday the same for an everyday word that names no care topic ("breakfast", "weekend"):
 *     chat
 * @param scoreFloor the confidence is coverage times a factor rising from this floor to one with
 *     the score
 * @param scoreHalf the score at which that factor is halfway
 * @param threshold the confidence needed to answer
 * @param lengthNorm BM25's b: how much longer passages are discounted
 * @param signsForAdvice rank factor for a list of signs when the question asks what to do, not how
 *     to tell
 * @param meaning rank factor for a passage that says what a behaviour means, when the question asks
 *     that
 * @param idfFloor the least weight a concept the pack uses can have in coverage, however common it
 *     is there
 * @param examples rank factor for a passage that names examples (a list, "such as"), when the
 *     question asks for kinds
 * @param earlier rank bonus for passages early in the pack, where guides explain what they later
 *     only mention
 */
record Weights(
        float title,
        float path,
        float body,
        float context,
        float exact,
        float generic,
        double sectionOnly,
        double focusSection,
        double unknown,
        double everyday,
        double scoreFloor,
        double scoreHalf,
        double threshold,
        float lengthNorm,
        double signsForAdvice,
        double earlier,
        double meaning,
        double idfFloor,
        double examples) {

    static final Weights DEFAULT =
            new Weights(
                    2.5f, 0.6f, 1.5f, 0.6f, 0.5f, 0.25f, 0.85, 0.4, 2.0, 0.1, 0.5, 2.0, 0.55, 0.75f,
                    0.85, 0.2, 1.3, 0.5, 1.25);

    /** These weights with one changed, for calibration runs. */
    Weights with(String name, double v) {
        float f = (float) v;
        return switch (name) {
            case "title" ->
                    new Weights(
                            f,
                            path,
                            body,
                            context,
                            exact,
                            generic,
                            sectionOnly,
                            focusSection,
                            unknown,
                            everyday,
                            scoreFloor,
                            scoreHalf,
                            threshold,
                            lengthNorm,
                            signsForAdvice,
                            earlier,
                            meaning,
                            idfFloor,
                            examples);
            case "path" ->
                    new Weights(
                            title,
                            f,
                            body,
                            context,
                            exact,
                            generic,
                            sectionOnly,
                            focusSection,
                            unknown,
                            everyday,
                            scoreFloor,
                            scoreHalf,
                            threshold,
                            lengthNorm,
                            signsForAdvice,
                            earlier,
                            meaning,
                            idfFloor,
                            examples);
            case "body" ->
                    new Weights(
                            title,
                            path,
                            f,
                            context,
                            exact,
                            generic,
                            sectionOnly,
                            focusSection,
                            unknown,
                            everyday,
                            scoreFloor,
                            scoreHalf,
                            threshold,
                            lengthNorm,
                            signsForAdvice,
                            earlier,
                            meaning,
                            idfFloor,
                            examples);
            case "context" ->
                    new Weights(
                            title,
                            path,
                            body,
                            f,
                            exact,
                            generic,
                            sectionOnly,
                            focusSection,
                            unknown,
                            everyday,
                            scoreFloor,
                            scoreHalf,
                            threshold,
                            lengthNorm,
                            signsForAdvice,
                            earlier,
                            meaning,
                            idfFloor,
                            examples);
            case "exact" ->
                    new Weights(
                            title,
                            path,
                            body,
                            context,
                            f,
                            generic,
                            sectionOnly,
                            focusSection,
                            unknown,
                            everyday,
                            scoreFloor,
                            scoreHalf,
                            threshold,
                            lengthNorm,
                            signsForAdvice,
                            earlier,
                            meaning,
                            idfFloor,
                            examples);
            case "generic" ->
                    new Weights(
                            title,
                            path,
                            body,
                            context,
                            exact,
                            f,
                            sectionOnly,
                            focusSection,
                            unknown,
                            everyday,
                            scoreFloor,
                            scoreHalf,
                            threshold,
                            lengthNorm,
                            signsForAdvice,
                            earlier,
                            meaning,
                            idfFloor,
                            examples);
            case "sectionOnly" ->
                    new Weights(
                            title,
                            path,
                            body,
                            context,
                            exact,
                            generic,
                            v,
                            focusSection,
                            unknown,
                            everyday,
                            scoreFloor,
                            scoreHalf,
                            threshold,
                            lengthNorm,
                            signsForAdvice,
                            earlier,
                            meaning,
                            idfFloor,
                            examples);
            case "focusSection" ->
                    new Weights(
                            title,
                            path,
                            body,
                            context,
                            exact,
                            generic,
                            sectionOnly,
                            v,
                            unknown,
                            everyday,
                            scoreFloor,
                            scoreHalf,
                            threshold,
                            lengthNorm,
                            signsForAdvice,
                            earlier,
                            meaning,
                            idfFloor,
                            examples);
            case "unknown" ->
                    new Weights(
                            title,
                            path,
                            body,
                            context,
                            exact,
                            generic,
                            sectionOnly,
                            focusSection,
                            v,
                            everyday,
                            scoreFloor,
                            scoreHalf,
                            threshold,
                            lengthNorm,
                            signsForAdvice,
                            earlier,
                            meaning,
                            idfFloor,
                            examples);
            case "everyday" ->
                    new Weights(
                            title,
                            path,
                            body,
                            context,
                            exact,
                            generic,
                            sectionOnly,
                            focusSection,
                            unknown,
                            v,
                            scoreFloor,
                            scoreHalf,
                            threshold,
                            lengthNorm,
                            signsForAdvice,
                            earlier,
                            meaning,
                            idfFloor,
                            examples);
            case "scoreFloor" ->
                    new Weights(
                            title,
                            path,
                            body,
                            context,
                            exact,
                            generic,
                            sectionOnly,
                            focusSection,
                            unknown,
                            everyday,
                            v,
                            scoreHalf,
                            threshold,
                            lengthNorm,
                            signsForAdvice,
                            earlier,
                            meaning,
                            idfFloor,
                            examples);
            case "scoreHalf" ->
                    new Weights(
                            title,
                            path,
                            body,
                            context,
                            exact,
                            generic,
                            sectionOnly,
                            focusSection,
                            unknown,
                            everyday,
                            scoreFloor,
                            v,
                            threshold,
                            lengthNorm,
                            signsForAdvice,
                            earlier,
                            meaning,
                            idfFloor,
                            examples);
            case "threshold" ->
                    new Weights(
                            title,
                            path,
                            body,
                            context,
                            exact,
                            generic,
                            sectionOnly,
                            focusSection,
                            unknown,
                            everyday,
                            scoreFloor,
                            scoreHalf,
                            v,
                            lengthNorm,
                            signsForAdvice,
                            earlier,
                            meaning,
                            idfFloor,
                            examples);
            case "lengthNorm" ->
                    new Weights(
                            title,
                            path,
                            body,
                            context,
                            exact,
                            generic,
                            sectionOnly,
                            focusSection,
                            unknown,
                            everyday,
                            scoreFloor,
                            scoreHalf,
                            threshold,
                            f,
                            signsForAdvice,
                            earlier,
                            meaning,
                            idfFloor,
                            examples);
            case "signsForAdvice" ->
                    new Weights(
                            title,
                            path,
                            body,
                            context,
                            exact,
                            generic,
                            sectionOnly,
                            focusSection,
                            unknown,
                            everyday,
                            scoreFloor,
                            scoreHalf,
                            threshold,
                            lengthNorm,
                            v,
                            earlier,
                            meaning,
                            idfFloor,
                            examples);
            case "earlier" ->
                    new Weights(
                            title,
                            path,
                            body,
                            context,
                            exact,
                            generic,
                            sectionOnly,
                            focusSection,
                            unknown,
                            everyday,
                            scoreFloor,
                            scoreHalf,
                            threshold,
                            lengthNorm,
                            signsForAdvice,
                            v,
                            meaning,
                            idfFloor,
                            examples);
            case "meaning" ->
                    new Weights(
                            title,
                            path,
                            body,
                            context,
                            exact,
                            generic,
                            sectionOnly,
                            focusSection,
                            unknown,
                            everyday,
                            scoreFloor,
                            scoreHalf,
                            threshold,
                            lengthNorm,
                            signsForAdvice,
                            earlier,
                            v,
                            idfFloor,
                            examples);
            case "idfFloor" ->
                    new Weights(
                            title,
                            path,
                            body,
                            context,
                            exact,
                            generic,
                            sectionOnly,
                            focusSection,
                            unknown,
                            everyday,
                            scoreFloor,
                            scoreHalf,
                            threshold,
                            lengthNorm,
                            signsForAdvice,
                            earlier,
                            meaning,
                            v,
                            examples);
            case "examples" ->
                    new Weights(
                            title,
                            path,
                            body,
                            context,
                            exact,
                            generic,
                            sectionOnly,
                            focusSection,
                            unknown,
                            everyday,
                            scoreFloor,
                            scoreHalf,
                            threshold,
                            lengthNorm,
                            signsForAdvice,
                            earlier,
                            meaning,
                            idfFloor,
                            v);
            default -> throw new IllegalArgumentException("no weight " + name);
        };
    }
}
