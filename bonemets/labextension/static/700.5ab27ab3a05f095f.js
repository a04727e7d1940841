"use strict";(self.rspackChunkbonemets_answer_forms=self.rspackChunkbonemets_answer_forms||[]).push([[700],{646(e,r,o){var t=o(601),n=o.n(t),a=o(314),i=(o.n(a))()(n());i.push([e.id,`/* Answer forms: JupyterLab theme colours, a visible focus ring, no colour-only cues. */
.bm-AnswerForm {
  margin: 4px 0 8px var(--jp-cell-prompt-width, 64px);
  padding: 8px 12px;
  border: 1px solid var(--jp-border-color1);
  border-radius: 4px;
  background: var(--jp-layout-color1);
  color: var(--jp-ui-font-color1);
  font-family: var(--jp-ui-font-family);
  font-size: var(--jp-ui-font-size1);
  max-width: 60rem;
}

.bm-AnswerForm fieldset {
  border: 0;
  margin: 0;
  padding: 0;
  min-width: 0;
}

.bm-AnswerForm-legend {
  font-weight: 600;
  font-size: var(--jp-ui-font-size2);
  padding: 0;
}

.bm-AnswerForm-hint {
  margin: 2px 0 8px;
  color: var(--jp-ui-font-color1);
}

.bm-AnswerForm-choices {
  display: flex;
  flex-direction: column;
  gap: 4px;
}

.bm-AnswerForm-choice,
.bm-AnswerForm-cell {
  display: flex;
  align-items: center;
  gap: 6px;
  padding: 4px 6px;
  border-radius: 3px;
  cursor: pointer;
}

.bm-AnswerForm-choice:hover,
.bm-AnswerForm-cell:hover {
  background: var(--jp-layout-color2);
}

.bm-AnswerForm-letter {
  font-weight: 600;
  min-width: 1.5em;
}

.bm-AnswerForm input[type='radio'],
.bm-AnswerForm input[type='checkbox'] {
  width: 1.1em;
  height: 1.1em;
  flex: none;
}

/* Focus is always visible, whatever the theme. */
.bm-AnswerForm input:focus-visible,
.bm-AnswerForm select:focus-visible,
.bm-AnswerForm button:focus-visible {
  outline: 3px solid var(--jp-brand-color1);
  outline-offset: 2px;
}

.bm-AnswerForm-matrixHead,
.bm-AnswerForm-matrixRow {
  display: grid;
  grid-template-columns: minmax(12rem, 2fr) repeat(var(--bm-columns, 3), minmax(5rem, 1fr));
  gap: 4px;
  align-items: center;
}

.bm-AnswerForm-matrixHead {
  font-weight: 600;
  border-bottom: 1px solid var(--jp-border-color1);
  padding-bottom: 4px;
}

.bm-AnswerForm-matrixRow {
  border-bottom: 1px solid var(--jp-border-color2);
  padding: 4px 0;
}

/* A legend cannot be a grid item in every browser: float it into the first column. */
.bm-AnswerForm-matrixRow > legend {
  float: left;
  grid-column: 1;
  padding: 0;
}

/* The column name stays readable by screen readers; sighted users see the heading row. */
.bm-AnswerForm-cellText {
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
}

.bm-AnswerForm-blank {
  display: flex;
  flex-direction: column;
  gap: 4px;
  margin-bottom: 8px;
}

.bm-AnswerForm-select {
  max-width: 100%;
  padding: 4px;
  font-size: var(--jp-ui-font-size1);
}

.bm-AnswerForm-group {
  border: 1px solid var(--jp-border-color2) !important;
  border-radius: 4px;
  padding: 6px 8px !important;
  margin-bottom: 8px !important;
}

.bm-AnswerForm-group > legend {
  font-weight: 600;
  padding: 0 4px;
}

.bm-AnswerForm-order {
  margin: 0;
  padding-left: 0;
  list-style: none;
}

.bm-AnswerForm-orderPos {
  font-weight: 600;
  min-width: 1.5em;
}

.bm-AnswerForm-orderItem {
  display: flex;
  align-items: center;
  gap: 8px;
  padding: 4px 0;
  border-bottom: 1px solid var(--jp-border-color2);
}

.bm-AnswerForm-orderText {
  flex: 1;
}

.bm-AnswerForm button {
  font: inherit;
  padding: 3px 10px;
  border: 1px solid var(--jp-border-color1);
  border-radius: 3px;
  background: var(--jp-layout-color2);
  color: var(--jp-ui-font-color1);
  cursor: pointer;
}

.bm-AnswerForm button[aria-disabled='true'] {
  opacity: 0.55;
  cursor: default;
}

.bm-AnswerForm-keep {
  margin-top: 6px;
}

.bm-AnswerForm-numberRow {
  display: flex;
  align-items: center;
  gap: 8px;
}

.bm-AnswerForm-number {
  width: 8rem;
  padding: 4px;
  font-size: var(--jp-ui-font-size1);
}

.bm-AnswerForm-number[aria-invalid='true'] {
  border: 2px solid var(--jp-error-color1);
}

.bm-AnswerForm-status {
  margin: 8px 0 4px;
  font-style: italic;
}

/* A problem is marked by words and an icon-like prefix, not by colour alone. */
.bm-AnswerForm.bm-mod-problem .bm-AnswerForm-status::before {
  content: '⚠ ';
  font-style: normal;
}

.bm-AnswerForm-toggle {
  font-size: var(--jp-ui-font-size0) !important;
}

/* "Hide the answer as text": the code editor of this cell only. */
.jp-Cell.bm-mod-answerTextHidden .jp-Cell-inputWrapper {
  display: none;
}

/* Highlight: each phrase a toggle button inside the passage. A chosen phrase is marked by
   a thick underline and bold text as well as the colour, so colour is never the only cue. */
.bm-AnswerForm-passage {
  line-height: 2;
  margin: 0;
}

.bm-AnswerForm-phrase {
  display: inline;
  font: inherit;
  color: inherit;
  background: transparent;
  border: 1px dashed var(--jp-border-color1);
  border-radius: 3px;
  padding: 1px 3px;
  cursor: pointer;
  text-align: left;
}

.bm-AnswerForm-phrase:hover {
  background: var(--jp-layout-color2);
}

.bm-AnswerForm-phrase[aria-pressed='true'] {
  background: #f0e442; /* Okabe-Ito yellow, dark text on it */
  color: #000;
  font-weight: 600;
  border: 2px solid #000;
  text-decoration: underline;
  text-decoration-thickness: 2px;
}

.bm-AnswerForm-phraseNumber {
  font-weight: 600;
  font-size: 0.85em;
}

/* The short answer (a markdown cell the student writes in): a labelled box, so the answer
   never reads as course text. Theme variables only, so it works in light and dark themes. */
.bm-ShortAnswer-label {
  /* In line with the box: past the cell's collapser and prompt. */
  margin: 8px 0 0 calc(var(--jp-cell-collapser-width, 8px) + var(--jp-cell-prompt-width, 64px));
  padding: 6px 12px;
  max-width: 60rem;
  border: 2px solid var(--jp-brand-color1);
  border-bottom: 0;
  border-radius: 4px 4px 0 0;
  background: var(--jp-layout-color2);
  color: var(--jp-ui-font-color1);
  font-family: var(--jp-ui-font-family);
  font-size: var(--jp-ui-font-size1);
}

.bm-ShortAnswer-labelTitle {
  margin: 0;
  font-weight: 600;
  font-size: var(--jp-ui-font-size2);
}

.bm-ShortAnswer-labelHint {
  margin: 2px 0 0;
}

.jp-Cell.bm-ShortAnswer.jp-mod-rendered .bm-ShortAnswer-hintEditing,
.jp-Cell.bm-ShortAnswer:not(.jp-mod-rendered) .bm-ShortAnswer-hintRendered {
  display: none;
}

/* The box: the rendered answer and its editor alike. */
.jp-Cell.bm-ShortAnswer .jp-InputArea-editor,
.jp-Cell.bm-ShortAnswer .jp-MarkdownOutput {
  max-width: 60rem;
  box-sizing: border-box;
  border: 2px solid var(--jp-brand-color1);
  border-radius: 0 0 4px 4px;
  /* #f5f5f5 in the light theme, #212121 in the dark one: body text keeps AA contrast. */
  background: var(--jp-cell-editor-background);
}

.jp-Cell.bm-ShortAnswer .jp-MarkdownOutput {
  padding: 4px 12px 8px;
  min-height: 4em;
}

/* Room to write: the editor opens a few lines tall, not one. */
.jp-Cell.bm-ShortAnswer .jp-InputArea-editor .cm-content {
  min-height: 6em;
}
`,""]),o.d(r,{},{A:i})},314(e){e.exports=function(e){var r=[];return r.toString=function(){return this.map(function(r){var o="",t=void 0!==r[5];return r[4]&&(o+="@supports (".concat(r[4],") {")),r[2]&&(o+="@media ".concat(r[2]," {")),t&&(o+="@layer".concat(r[5].length>0?" ".concat(r[5]):""," {")),o+=e(r),t&&(o+="}"),r[2]&&(o+="}"),r[4]&&(o+="}"),o}).join("")},r.i=function(e,o,t,n,a){"string"==typeof e&&(e=[[null,e,void 0]]);var i={};if(t)for(var s=0;s<this.length;s++){var p=this[s][0];null!=p&&(i[p]=!0)}for(var l=0;l<e.length;l++){var d=[].concat(e[l]);t&&i[d[0]]||(void 0!==a&&(void 0===d[5]||(d[1]="@layer".concat(d[5].length>0?" ".concat(d[5]):""," {").concat(d[1],"}")),d[5]=a),o&&(d[2]&&(d[1]="@media ".concat(d[2]," {").concat(d[1],"}")),d[2]=o),n&&(d[4]?(d[1]="@supports (".concat(d[4],") {").concat(d[1],"}"),d[4]=n):d[4]="".concat(n)),r.push(d))}},r}},601(e){e.exports=function(e){return e[1]}},72(e){var r=[];function o(e){for(var o=-1,t=0;t<r.length;t++)if(r[t].identifier===e){o=t;break}return o}function t(e,t){for(var n={},a=[],i=0;i<e.length;i++){var s=e[i],p=t.base?s[0]+t.base:s[0],l=n[p]||0,d="".concat(p," ").concat(l);n[p]=l+1;var m=o(d),c={css:s[1],media:s[2],sourceMap:s[3],supports:s[4],layer:s[5]};if(-1!==m)r[m].references++,r[m].updater(c);else{var u=function(e,r){var o=r.domAPI(r);return o.update(e),function(r){r?(r.css!==e.css||r.media!==e.media||r.sourceMap!==e.sourceMap||r.supports!==e.supports||r.layer!==e.layer)&&o.update(e=r):o.remove()}}(c,t);t.byIndex=i,r.splice(i,0,{identifier:d,updater:u,references:1})}a.push(d)}return a}e.exports=function(e,n){var a=t(e=e||[],n=n||{});return function(e){e=e||[];for(var i=0;i<a.length;i++){var s=o(a[i]);r[s].references--}for(var p=t(e,n),l=0;l<a.length;l++){var d=o(a[l]);0===r[d].references&&(r[d].updater(),r.splice(d,1))}a=p}}},659(e){var r={};e.exports=function(e,o){var t=function(e){if(void 0===r[e]){var o=document.querySelector(e);if(window.HTMLIFrameElement&&o instanceof window.HTMLIFrameElement)try{o=o.contentDocument.head}catch(e){o=null}r[e]=o}return r[e]}(e);if(!t)throw Error("Couldn't find a style target. This probably means that the value for the 'insert' parameter is invalid.");t.appendChild(o)}},540(e){e.exports=function(e){var r=document.createElement("style");return e.setAttributes(r,e.attributes),e.insert(r,e.options),r}},56(e,r,o){e.exports=function(e){var r=o.nc;r&&e.setAttribute("nonce",r)}},825(e){e.exports=function(e){if("u"<typeof document)return{update:function(){},remove:function(){}};var r=e.insertStyleElement(e);return{update:function(o){var t,n,a;t="",o.supports&&(t+="@supports (".concat(o.supports,") {")),o.media&&(t+="@media ".concat(o.media," {")),(n=void 0!==o.layer)&&(t+="@layer".concat(o.layer.length>0?" ".concat(o.layer):""," {")),t+=o.css,n&&(t+="}"),o.media&&(t+="}"),o.supports&&(t+="}"),(a=o.sourceMap)&&"u">typeof btoa&&(t+="\n/*# sourceMappingURL=data:application/json;base64,".concat(btoa(unescape(encodeURIComponent(JSON.stringify(a))))," */")),e.styleTagTransform(t,r,e.options)},remove:function(){var e;null===(e=r).parentNode||e.parentNode.removeChild(e)}}}},113(e){e.exports=function(e,r){if(r.styleSheet)r.styleSheet.cssText=e;else{for(;r.firstChild;)r.removeChild(r.firstChild);r.appendChild(document.createTextNode(e))}}},959(e,r,o){var t=o(72),n=o.n(t),a=o(825),i=o.n(a),s=o(659),p=o.n(s),l=o(56),d=o.n(l),m=o(540),c=o.n(m),u=o(113),b=o.n(u),h=o(646),f={};f.styleTagTransform=b(),f.setAttributes=d(),f.insert=p().bind(null,"head"),f.domAPI=i(),f.insertStyleElement=c(),n()(h.A,f),h.A&&h.A.locals&&h.A.locals}}]);