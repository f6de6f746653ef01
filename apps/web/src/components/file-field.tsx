import { labelClass } from "./styles";

/** A labelled file input; `directory` lets the user pick a whole folder instead of files. */
export function FileField(props: {
  id: string;
  label: string;
  accept?: string;
  multiple?: boolean;
  required?: boolean;
  directory?: boolean;
  onFiles: (files: File[]) => void;
}) {
  return (
    <div>
      <label htmlFor={props.id} className={labelClass}>
        {props.label}
      </label>
      <input
        id={props.id}
        type="file"
        accept={props.accept}
        multiple={props.multiple || props.directory}
        required={props.required}
        // Not in React's types: the folder picker of Chromium, Firefox and Safari.
        {...(props.directory ? { webkitdirectory: "" } : {})}
        onChange={(e) => props.onFiles(Array.from(e.target.files ?? []))}
        className="block w-full text-sm"
      />
    </div>
  );
}
