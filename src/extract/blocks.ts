// Segmentation of formats that mark their headings (DOCX heading styles, HTML h1-h6, ODT
// text:h): the marked headings become sections even when they carry no "Article N" number,
// and numbered headings inside the body are still found by segmentPages().

import type {Segment} from '../core/model.js'
import {normalizeText} from '../text/normalize.js'
import {isHeading, segmentPages, type SegmentedText} from '../text/segment.js'

/** One paragraph-like block of a document, in reading order. */
export interface TextBlock {
  text: string
  /** 1 for a top-level heading (h1, Heading 1), 2 for the next level, ...; absent for body text. */
  headingLevel?: number
}

/** A heading longer than this is a paragraph someone styled as a heading. */
const MAX_HEADING_LENGTH = 200

function headingText(text: string): string {
  return normalizeText(text).replace(/\s+/g, ' ').trim()
}

/**
 * Segments blocks into sentences with their sections. Body blocks between two marked headings are
 * segmented together (blank line between blocks, so two paragraphs never merge into a sentence);
 * the enclosing marked headings are passed as the section prefix.
 */
export function segmentBlocks(blocks: TextBlock[]): SegmentedText {
  const parts: SegmentedText[] = []
  const stack: Array<{level: number; text: string}> = []
  let body: string[] = []
  const flushBody = () => {
    if (body.length === 0) return
    parts.push(segmentPages([{text: body.join('\n\n')}], {sectionPrefix: stack.map((h) => h.text)}))
    body = []
  }
  for (const block of blocks) {
    const text = block.headingLevel === undefined ? '' : headingText(block.text)
    if (block.headingLevel === undefined || text.length === 0 || text.length > MAX_HEADING_LENGTH) {
      if (block.text.trim().length > 0) body.push(block.text)
      continue
    }
    flushBody()
    while (stack.length > 0 && stack[stack.length - 1]!.level >= block.headingLevel) stack.pop()
    const parents = stack.map((h) => h.text)
    stack.push({level: block.headingLevel, text})
    // segmentPages puts a heading it recognises in its own section; otherwise we add it.
    parts.push(segmentPages([{text}], {sectionPrefix: isHeading(text) ? parents : [...parents, text]}))
  }
  flushBody()
  return joinParts(parts)
}

/** Concatenates separately segmented parts, shifting offsets as segmentPages does for pages. */
export function joinParts(parts: SegmentedText[]): SegmentedText {
  let fullText = ''
  const segments: Segment[] = []
  for (const part of parts) {
    if (part.fullText.length === 0) continue
    if (fullText.length > 0) fullText += '\n\n'
    const shift = fullText.length
    fullText += part.fullText
    for (const seg of part.segments) segments.push({...seg, start: seg.start + shift, end: seg.end + shift})
  }
  return {fullText, segments}
}
