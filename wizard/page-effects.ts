// The page's ties to the browser that are not state: the clipboard, files dropped anywhere, and reading a long
// text again only once typing pauses.
import { useEffect, useState } from "preact/hooks";

/**
 * Copies with the Clipboard API where the page is a secure context (https, localhost, file), else the way a
 * page served over plain http still can: a selected, off-screen text box. Focus returns where it was.
 */
export const copyText = async (text: string): Promise<boolean> => {
  try {
    if (navigator.clipboard && isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Denied: try the old way.
  }
  const back = document.activeElement as HTMLElement | null;
  const box = document.createElement("textarea");
  box.value = text;
  box.setAttribute("readonly", "");
  box.className = "visually-hidden";
  document.body.append(box);
  box.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    box.remove();
    back?.focus();
  }
};

/** Typing stays immediate; a long text is read again only once typing pauses. */
export const useSettled = (text: string): string => {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    if (text.length < 20_000) {
      setSettled(text);
      return;
    }
    const timer = setTimeout(() => setSettled(text), 250);
    return () => clearTimeout(timer);
  }, [text]);
  return text.length < 20_000 ? text : settled;
};

/** Files dropped anywhere on the page go to `onFiles`; the returned flag says a drag is over the page. */
export const useFileDrop = (onFiles: (files: File[]) => void): boolean => {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes("Files")) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes("Files")) return;
      e.preventDefault();
      setDragging(false);
      onFiles([...e.dataTransfer.files]);
    };
    addEventListener("dragover", over);
    addEventListener("dragleave", leave);
    addEventListener("drop", drop);
    return () => {
      removeEventListener("dragover", over);
      removeEventListener("dragleave", leave);
      removeEventListener("drop", drop);
    };
    // Registered once: onFiles reaches state only through setters, so the first one stays right.
  }, []);
  return dragging;
};
