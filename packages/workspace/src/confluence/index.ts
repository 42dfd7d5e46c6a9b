export {
  getConfluencePage,
  getConfluenceSpaces,
  getPagesInConfluenceSpace,
  searchConfluenceUsingCql,
} from './read.js';
export { createConfluencePage, updateConfluencePage } from './write.js';
