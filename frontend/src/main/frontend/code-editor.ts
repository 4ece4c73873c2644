/*
 * A code editor for the node panel's code parameters: CodeMirror 6 with JavaScript highlighting, line
 * numbers, bracket matching, undo history and tab indentation. The element's "value" property is the
 * text; every edit fires "value-changed" so that the server field follows.
 */
import { EditorView, basicSetup } from 'codemirror';
import { javascript } from '@codemirror/lang-javascript';
import { EditorState } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { indentWithTab } from '@codemirror/commands';

class CodeEditorElement extends HTMLElement {
  private view?: EditorView;
  private pending = '';
  private readOnlyValue = false;
  // CodeMirror mounts its styles where it lives: a shadow root of its own keeps them from the page's
  // style sheets (and the page's from it).
  private readonly container: HTMLDivElement;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    this.container = document.createElement('div');
    root.appendChild(this.container);
  }

  static get observedAttributes() {
    return ['readonly'];
  }

  get value(): string {
    return this.view ? this.view.state.doc.toString() : this.pending;
  }

  set value(text: string) {
    const next = text ?? '';
    if (!this.view) {
      this.pending = next;
      return;
    }
    // while the user types, the server's copy trails behind: it must not overwrite what was typed since
    if (this.view.hasFocus) {
      return;
    }
    if (next !== this.view.state.doc.toString()) {
      this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: next } });
    }
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null) {
    if (name === 'readonly') {
      this.readOnlyValue = value !== null;
      if (this.view) {
        this.connectedCallback();
      }
    }
  }

  connectedCallback() {
    const text = this.value;
    this.view?.destroy();
    this.view = new EditorView({
      parent: this.container,
      root: this.shadowRoot!,
      state: EditorState.create({
        doc: text,
        extensions: [
          basicSetup,
          javascript(),
          keymap.of([indentWithTab]),
          EditorState.readOnly.of(this.readOnlyValue),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) {
              this.dispatchEvent(new CustomEvent('value-changed', { detail: { value: this.value } }));
            }
          }),
          EditorView.theme({
            '&': { border: '1px solid var(--lumo-contrast-20pct, #ccc)', borderRadius: '4px', fontSize: '13px' },
            '.cm-scroller': { fontFamily: 'monospace', minHeight: '10em', maxHeight: '28em' },
          }),
        ],
      }),
    });
  }

  disconnectedCallback() {
    this.pending = this.value;
    this.view?.destroy();
    this.view = undefined;
  }
}

customElements.define('switchboard-code-editor', CodeEditorElement);
