"use client";

import { useEffect, useRef, useState } from "react";
import { useField } from "@/components/ui/form-context";
import { EVIDENCE_ACCEPT, formatBytes } from "@/lib/domain/evidence";

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Attachment {
  key: string;
  file: File;
  /** Decoded, for images the browser can draw; PDFs are sent as chosen. */
  bitmap: ImageBitmap | null;
  boxes: Box[];
}

// What a blacked-out image is sent as: its own format where the browser can write it.
const WRITABLE = ["image/png", "image/jpeg", "image/webp"];
const EXTENSION: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
};

/**
 * The evidence file input. Without JavaScript it is a plain file input. With it, each
 * chosen image opens in an editor where the reporter drags boxes to black out what must
 * not be seen (undo, clear); the input's files are then replaced with the blacked-out
 * images, drawn afresh on a canvas, so neither the hidden parts nor the original's
 * metadata leave the browser.
 */
export function EvidenceField({
  name,
  limits,
}: {
  name: string;
  limits: { files: number; bytesPerFile: number };
}) {
  const field = useField(name);
  const input = useRef<HTMLInputElement>(null);
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const resubmit = [field.submitted ?? []].flat();

  // Whenever a box is drawn or undone, the input carries the images as they now look.
  useEffect(() => {
    if (!input.current || attachments.length === 0) return;
    let current = true;
    void Promise.all(attachments.map(blackedOut)).then((files) => {
      if (!current || !input.current) return;
      const transfer = new DataTransfer();
      for (const file of files) transfer.items.add(file);
      input.current.files = transfer.files;
    });
    return () => {
      current = false;
    };
  }, [attachments]);

  async function choose(files: FileList | null) {
    const chosen = [...(files ?? [])];
    setAttachments(
      await Promise.all(
        chosen.map(async (file, index) => ({
          key: `${index}-${file.name}-${file.size}`,
          file,
          bitmap: WRITABLE.includes(file.type)
            ? await createImageBitmap(file).catch(() => null)
            : null,
          boxes: [],
        })),
      ),
    );
  }

  const update = (key: string, boxes: Box[]) =>
    setAttachments((list) => list.map((item) => (item.key === key ? { ...item, boxes } : item)));

  const hintId = `${field.id}-hint`;
  return (
    <div>
      <label htmlFor={field.id} className="block text-sm font-medium text-slate-900">
        {field.label}
      </label>
      <p id={hintId} className="mt-0.5 text-sm text-slate-600">
        Optional: up to {limits.files} screenshots (PNG, JPEG or WebP) or PDFs of the post,{" "}
        {formatBytes(limits.bytesPerFile)} each, so the post can be seen after it is deleted. Your
        colleague sees them too. Black out patients' names, faces, record numbers and anything else
        that could identify a patient, and anything that would identify you. Images are cleaned of
        camera and location details, and a PDF of its author and title; pictures inside a PDF keep
        theirs, so if you stay confidential, prefer a screenshot.
      </p>
      {field.errors ? (
        <p id={`${field.id}-error`} className="mt-1 text-sm font-semibold text-red-700">
          {field.errors.join(" ")}
        </p>
      ) : null}
      {resubmit.length ? (
        <p
          id={`${field.id}-again`}
          className="mt-1 rounded-md bg-amber-50 p-2 text-sm text-amber-950"
        >
          Attach your files again: a browser cannot keep files after the form is sent back (you had
          chosen {resubmit.join(", ")}). Everything else you typed is still here.
        </p>
      ) : null}
      <input
        ref={input}
        id={field.id}
        name={name}
        type="file"
        multiple
        accept={EVIDENCE_ACCEPT}
        aria-invalid={field.errors ? true : undefined}
        aria-describedby={[
          hintId,
          field.errors ? `${field.id}-error` : null,
          resubmit.length ? `${field.id}-again` : null,
        ]
          .filter(Boolean)
          .join(" ")}
        onChange={(event) => void choose(event.currentTarget.files)}
        className="mt-1 block w-full text-sm file:mr-3 file:min-h-11 file:rounded-md file:border file:border-slate-400 file:bg-white file:px-3 file:py-2"
      />
      <ul className="mt-3 space-y-4">
        {attachments.map((item, index) => (
          <li key={item.key} className="rounded-md border border-slate-300 p-3">
            <p className="text-sm font-medium">
              File {index + 1}: {item.bitmap ? "image" : "PDF or other file"}
            </p>
            {item.bitmap ? (
              <BlackoutEditor
                bitmap={item.bitmap}
                boxes={item.boxes}
                onChange={(boxes) => update(item.key, boxes)}
              />
            ) : (
              <p className="text-sm text-slate-600">
                A PDF cannot be blacked out here: check it shows no patient and nothing that names
                you. Its author and title are removed when it is stored.
              </p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function BlackoutEditor({
  bitmap,
  boxes,
  onChange,
}: {
  bitmap: ImageBitmap;
  boxes: Box[];
  onChange: (boxes: Box[]) => void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const start = useRef<{ x: number; y: number } | null>(null);
  const [draft, setDraft] = useState<Box | null>(null);

  useEffect(() => {
    const context = canvas.current?.getContext("2d");
    if (context) paint(context, bitmap, draft ? [...boxes, draft] : boxes);
  }, [bitmap, boxes, draft]);

  function pointAt(event: React.PointerEvent<HTMLCanvasElement>) {
    const area = event.currentTarget.getBoundingClientRect();
    return {
      x: ((event.clientX - area.left) * bitmap.width) / area.width,
      y: ((event.clientY - area.top) * bitmap.height) / area.height,
    };
  }

  return (
    <div className="mt-2 space-y-2">
      <p className="text-sm text-slate-600">
        Drag across anything that must not be seen to black it out. Only the blacked-out image is
        sent.
      </p>
      <canvas
        ref={canvas}
        width={bitmap.width}
        height={bitmap.height}
        aria-label={`The image, with ${boxes.length} ${boxes.length === 1 ? "part" : "parts"} blacked out`}
        role="img"
        className="block h-auto w-full max-w-full cursor-crosshair touch-none border border-slate-300"
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          start.current = pointAt(event);
        }}
        onPointerMove={(event) => {
          if (start.current) setDraft(between(start.current, pointAt(event)));
        }}
        onPointerUp={(event) => {
          const from = start.current;
          start.current = null;
          setDraft(null);
          if (!from) return;
          const box = between(from, pointAt(event));
          if (box.width > 2 && box.height > 2) onChange([...boxes, box]);
        }}
      />
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          disabled={boxes.length === 0}
          onClick={() => onChange(boxes.slice(0, -1))}
          className="min-h-11 rounded-md border border-slate-400 px-3 text-sm disabled:opacity-50"
        >
          Undo last box
        </button>
        <button
          type="button"
          disabled={boxes.length === 0}
          onClick={() => onChange([])}
          className="min-h-11 rounded-md border border-slate-400 px-3 text-sm disabled:opacity-50"
        >
          Remove all boxes
        </button>
      </div>
    </div>
  );
}

function between(a: { x: number; y: number }, b: { x: number; y: number }): Box {
  return {
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    width: Math.abs(a.x - b.x),
    height: Math.abs(a.y - b.y),
  };
}

function paint(context: CanvasRenderingContext2D, bitmap: ImageBitmap, boxes: Box[]) {
  context.drawImage(bitmap, 0, 0);
  context.fillStyle = "#000";
  for (const box of boxes) context.fillRect(box.x, box.y, box.width, box.height);
}

/** The file as it will be sent: an image drawn afresh with its boxes, a PDF as chosen. */
async function blackedOut(item: Attachment, index: number): Promise<File> {
  if (!item.bitmap) return item.file;
  const canvas = document.createElement("canvas");
  canvas.width = item.bitmap.width;
  canvas.height = item.bitmap.height;
  paint(canvas.getContext("2d")!, item.bitmap, item.boxes);
  const blob = await new Promise<Blob | null>((resolve) =>
    canvas.toBlob(resolve, item.file.type, 0.92),
  );
  if (!blob) return item.file;
  // A browser that cannot write this format hands back PNG; the name says what it is.
  return new File([blob], `evidence-${index + 1}.${EXTENSION[blob.type] ?? "png"}`, {
    type: blob.type,
  });
}
