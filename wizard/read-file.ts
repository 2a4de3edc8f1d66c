// A dropped File to an input: classified from its name and first bytes, logs streamed line by line
// (memory bounded by the distinct endpoints), other kinds read whole up to MAX_WHOLE_FILE.
import {
  binaryInput,
  classifyFile,
  MAX_WHOLE_FILE,
  readLogStream,
  readWholeText,
  sourceInput,
  tooLargeInput,
  type InputResult,
} from "./inputs.js";

async function* textChunks(file: File): AsyncGenerator<string> {
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

export const readFile = async (id: string, file: File): Promise<InputResult> => {
  const name = file.name || "dropped file";
  try {
    const kind = classifyFile(name, await file.slice(0, 4096).text());
    if (kind === "source") return sourceInput(id, name);
    if (kind === "binary") return binaryInput(id, name);
    if (kind === "log") return await readLogStream(id, name, textChunks(file));
    if (file.size > MAX_WHOLE_FILE) return tooLargeInput(id, name, file.size);
    return readWholeText(id, name, kind, await file.text());
  } catch (error) {
    return {
      id,
      name,
      kind: "unreadable",
      calls: [],
      read: "nothing read",
      skipped: [],
      problems: [],
      message: {
        tone: "error",
        text: `could not read the file: ${error instanceof Error ? error.message : String(error)}`,
      },
    };
  }
};
