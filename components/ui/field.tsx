"use client";

import dynamic from "next/dynamic";
import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useState,
} from "react";
import { useField } from "./form-context";

// Its own chunk, with the detector: loaded by forms that have free text, and no others.
const PatientDetailsCheck = dynamic(() =>
  import("./patient-details-check").then((module) => module.PatientDetailsCheck),
);

// Every control of every form. Inside an ActionForm each one finds its own id, error,
// limits and, after a refused submission, the value the person submitted, so no form can
// forget to show them again or to tie an error to its field.

const CONTROL =
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base shadow-sm aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700";

interface FrameProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  required?: boolean;
  children: ReactNode;
  /** Shown after the control: a character count, say. */
  after?: ReactNode;
}

function FieldFrame({ id, label, hint, errors, required, children, after }: FrameProps) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
        {required ? <RequiredMark /> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="mt-0.5 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <FieldError id={id} errors={errors} />
      {children}
      {after}
    </div>
  );
}

/** Seen by sighted readers; a screen reader hears "required" from the control itself. */
function RequiredMark() {
  return (
    <span aria-hidden="true" className="ml-1 font-normal text-slate-600">
      (required)
    </span>
  );
}

function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors) return null;
  return (
    <p id={`${id}-error`} className="mt-1 text-sm font-semibold text-red-700">
      {errors.join(" ")}
    </p>
  );
}

function describedBy(id: string, hint: unknown, errors?: string[], extra?: string) {
  const ids = [hint ? `${id}-hint` : null, errors ? `${id}-error` : null, extra ?? null];
  return ids.filter(Boolean).join(" ") || undefined;
}

function asText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id"> & {
  name: string;
  /** By default, what the use case's schema calls the field. */
  label?: ReactNode;
  hint?: ReactNode;
};

export function TextField({
  name,
  label,
  hint,
  defaultValue,
  type,
  required,
  ...input
}: TextFieldProps) {
  const field = useField(name, required);
  // A password is never sent back, so it is never shown again.
  const value = type === "password" ? undefined : (asText(field.submitted) ?? defaultValue);
  const [text, setText] = useState(String(value ?? ""));
  return (
    <FieldFrame
      id={field.id}
      label={label ?? field.label}
      hint={hint}
      errors={field.errors}
      required={field.required}
      after={
        field.hints.freeText ? (
          <PatientDetailsCheck name={name} fieldId={field.id} text={text} />
        ) : null
      }
    >
      <input
        id={field.id}
        name={name}
        type={type}
        defaultValue={value}
        onChange={field.hints.freeText ? (event) => setText(event.target.value) : undefined}
        required={field.required}
        maxLength={field.hints.maxLength}
        min={field.hints.min}
        max={field.hints.max}
        aria-invalid={field.errors ? true : undefined}
        aria-describedby={describedBy(field.id, hint, field.errors)}
        className={CONTROL}
        {...input}
      />
    </FieldFrame>
  );
}

type TextareaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id"> & {
  name: string;
  label?: ReactNode;
  hint?: ReactNode;
};

/** Free text, with the room left counted as the person types when there is a limit. */
export function TextareaField({
  name,
  label,
  hint,
  defaultValue,
  rows = 4,
  required,
  ...textarea
}: TextareaFieldProps) {
  const field = useField(name, required);
  const initial = asText(field.submitted) ?? (defaultValue as string | undefined) ?? "";
  const [text, setText] = useState(initial);
  const limit = field.hints.maxLength;
  const counterId = `${field.id}-count`;
  return (
    <FieldFrame
      id={field.id}
      label={label ?? field.label}
      hint={hint}
      errors={field.errors}
      required={field.required}
      after={
        <>
          {limit ? <CharacterCount id={counterId} length={text.length} limit={limit} /> : null}
          {field.hints.freeText ? (
            <PatientDetailsCheck name={name} fieldId={field.id} text={text} />
          ) : null}
        </>
      }
    >
      <textarea
        id={field.id}
        name={name}
        rows={rows}
        defaultValue={initial}
        required={field.required}
        maxLength={limit}
        onChange={(event) => setText(event.target.value)}
        aria-invalid={field.errors ? true : undefined}
        aria-describedby={describedBy(field.id, hint, field.errors, limit ? counterId : undefined)}
        className={CONTROL}
        {...textarea}
      />
    </FieldFrame>
  );
}

/**
 * "3,940 characters left". Without JavaScript it states the limit; with it, it counts,
 * and tells a screen reader only once the limit is near, so typing is not interrupted.
 */
function CharacterCount({ id, length, limit }: { id: string; length: number; limit: number }) {
  const left = limit - length;
  const near = left <= Math.max(50, limit * 0.05);
  return (
    <p
      id={id}
      aria-live={near ? "polite" : "off"}
      className={`mt-1 text-sm ${near ? "font-semibold text-amber-900" : "text-slate-600"}`}
    >
      {length === 0
        ? `Up to ${limit.toLocaleString("en")} characters.`
        : `${left.toLocaleString("en")} character${left === 1 ? "" : "s"} left.`}
    </p>
  );
}

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id"> & {
  name: string;
  label?: ReactNode;
  hint?: ReactNode;
  options: ReadonlyArray<{ value: string; label: string }>;
};

export function SelectField({
  name,
  label,
  hint,
  options,
  defaultValue,
  required,
  ...select
}: SelectFieldProps) {
  const field = useField(name, required);
  return (
    <FieldFrame
      id={field.id}
      label={label ?? field.label}
      hint={hint}
      errors={field.errors}
      required={field.required}
    >
      <select
        id={field.id}
        name={name}
        defaultValue={asText(field.submitted) ?? defaultValue}
        required={field.required}
        aria-invalid={field.errors ? true : undefined}
        aria-describedby={describedBy(field.id, hint, field.errors)}
        className={CONTROL}
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

interface ChoiceOption {
  value: string;
  label: ReactNode;
  description?: ReactNode;
}

interface ChoicesProps {
  name: string;
  legend?: ReactNode;
  required?: boolean;
  hint?: ReactNode;
  options: ReadonlyArray<ChoiceOption>;
}

/** Tick any number: the values submitted come back ticked. */
export function CheckboxGroup({
  defaultValues = [],
  ...props
}: ChoicesProps & { defaultValues?: readonly string[] }) {
  const field = useField(props.name);
  const chosen = field.wasSubmitted ? [field.submitted ?? []].flat() : defaultValues;
  return <Choices {...props} type="checkbox" isChosen={(value) => chosen.includes(value)} />;
}

/** Choose one: the choice submitted comes back chosen. */
export function RadioGroup({ defaultValue, ...props }: ChoicesProps & { defaultValue?: string }) {
  const field = useField(props.name);
  const chosen = field.wasSubmitted ? asText(field.submitted) : defaultValue;
  return <Choices {...props} type="radio" isChosen={(value) => value === chosen} />;
}

function Choices({
  name,
  legend,
  hint,
  options,
  required,
  type,
  isChosen,
}: ChoicesProps & { type: "checkbox" | "radio"; isChosen: (value: string) => boolean }) {
  const field = useField(name, required);
  return (
    <fieldset
      id={`${field.id}-group`}
      aria-describedby={describedBy(field.id, hint, field.errors)}
      aria-invalid={field.errors ? true : undefined}
      className="min-w-0"
    >
      <legend className="text-sm font-medium text-slate-900">
        {legend ?? field.label}
        {field.required ? <RequiredMark /> : null}
      </legend>
      {hint ? (
        <p id={`${field.id}-hint`} className="mt-0.5 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <FieldError id={field.id} errors={field.errors} />
      <div className="mt-1 space-y-1">
        {options.map((option, index) => {
          // The first choice carries the field's own id, so the error summary's link
          // lands on it.
          const id = index === 0 ? field.id : `${field.id}-${option.value}`;
          return (
            <label
              key={option.value}
              htmlFor={id}
              className="flex min-h-11 items-start gap-2 text-sm"
            >
              <input
                id={id}
                type={type}
                name={name}
                value={option.value}
                defaultChecked={isChosen(option.value)}
                className="mt-1 size-4 shrink-0"
              />
              <span>
                {option.label}
                {option.description ? (
                  <span className="block text-slate-600">{option.description}</span>
                ) : null}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

/** One yes-or-no box: ticked sends its value ("on" unless said otherwise). */
export function CheckboxField({
  name,
  label,
  hint,
  value = "on",
  defaultChecked = false,
}: {
  name: string;
  label?: ReactNode;
  hint?: ReactNode;
  value?: string;
  defaultChecked?: boolean;
}) {
  const field = useField(name);
  const checked = field.wasSubmitted ? field.submitted === value : defaultChecked;
  return (
    <div>
      <FieldError id={field.id} errors={field.errors} />
      <div className="flex items-start gap-3">
        <input
          id={field.id}
          name={name}
          type="checkbox"
          value={value}
          defaultChecked={checked}
          aria-invalid={field.errors ? true : undefined}
          aria-describedby={describedBy(field.id, hint, field.errors)}
          className="mt-1 size-5 shrink-0"
        />
        <div>
          <label htmlFor={field.id} className="font-medium">
            {label ?? field.label}
          </label>
          {hint ? (
            <p id={`${field.id}-hint`} className="text-sm text-slate-600">
              {hint}
            </p>
          ) : null}
        </div>
      </div>
    </div>
  );
}

/**
 * A box the server asks for: it appears only once a submission was refused for want of
 * it (its own error), or was sent ticked, so a form says nothing about it until needed.
 */
export function ConfirmationBox({ name, label }: { name: string; label?: ReactNode }) {
  const field = useField(name);
  if (!field.errors && field.submitted !== "on") return null;
  return <CheckboxField name={name} label={label} />;
}

/**
 * A file input. A browser cannot put a file back into an input, so after a refusal it
 * starts empty and the person chooses the file again.
 */
export function FileField({
  name,
  label,
  hint,
}: {
  name: string;
  label?: ReactNode;
  hint?: ReactNode;
}) {
  const field = useField(name, true);
  return (
    <FieldFrame
      id={field.id}
      label={label ?? field.label}
      hint={hint}
      errors={field.errors}
      required
    >
      <input
        id={field.id}
        name={name}
        type="file"
        required
        aria-invalid={field.errors ? true : undefined}
        aria-describedby={describedBy(field.id, hint, field.errors)}
        className="mt-1 block w-full text-sm file:mr-3 file:min-h-11 file:rounded-md file:border file:border-slate-400 file:bg-white file:px-3 file:py-2"
      />
    </FieldFrame>
  );
}
